package io.namesrv.namesrv.kvconfig;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Child process for {@link KVConfigCrashSafetyTest}: loads the file, then puts keys
 * {@code <prefix>-<n>} as fast as it can, printing {@code ACK <key>} after each put returned (so
 * after it was persisted), until it is killed.
 */
public final class KVConfigCrashChild {

    private KVConfigCrashChild() {
    }

    public static void main(String[] args) throws IOException {
        KVConfigManager kv = new KVConfigManager(Path.of(args[0]));
        kv.load();
        String prefix = args[1];
        System.out.println("READY");
        System.out.flush();
        for (long n = 0; ; n++) {
            String key = prefix + "-" + n;
            kv.putKVConfig("crash", key, "value-" + n + "-" + "x".repeat((int) (n % 200)));
            System.out.println("ACK " + key);
            System.out.flush();
        }
    }
}
