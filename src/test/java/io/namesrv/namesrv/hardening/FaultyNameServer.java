package io.namesrv.namesrv.hardening;

import io.namesrv.namesrv.NamesrvStartup;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Child-JVM main: our name server (its real {@code main}, so its real exit path) plus one fault
 * injected when the test creates {@code <dir>/fault.go}:
 * <ul>
 *   <li>{@code kill-thread=NAME}: throws a ThreadDeath into the thread of that name;</li>
 *   <li>{@code fill-heap}: holds 1 MiB arrays until collections leave the old generation
 *   {@link #FILLED_FRACTION} full, prints {@link #HEAP_FILLED}, waits for {@code <dir>/fault.continue},
 *   then holds more until the heap is exhausted;</li>
 *   <li>{@code hang-shutdown}: a shutdown hook (thread {@code fault-hung-hook}) that never ends;</li>
 *   <li>{@code none}: nothing.</li>
 * </ul>
 * Arguments: the fault, the directory, then the name server's own arguments.
 */
public final class FaultyNameServer {

    static final String HEAP_FILLED = "FAULT heap filled";
    static final double FILLED_FRACTION = 0.93;
    private static final long POLL_MILLIS = 20;

    private FaultyNameServer() {
    }

    public static void main(String[] args) throws Exception {
        String fault = args[0];
        Path dir = Path.of(args[1]);
        if (fault.equals("hang-shutdown")) {
            Runtime.getRuntime().addShutdownHook(new Thread(FaultyNameServer::forever, "fault-hung-hook"));
        } else if (!fault.equals("none")) {
            Thread injector = new Thread(() -> inject(fault, dir), "fault-injector");
            injector.setDaemon(true);
            injector.start();
        }
        NamesrvStartup.main(Arrays.copyOfRange(args, 2, args.length));
    }

    private static void inject(String fault, Path dir) {
        awaitFile(dir.resolve("fault.go"));
        if (fault.startsWith("kill-thread=")) {
            kill(fault.substring("kill-thread=".length()));
        } else if (fault.equals("fill-heap")) {
            fillHeap(dir);
        } else {
            throw new IllegalArgumentException("unknown fault " + fault);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void kill(String threadName) {
        Thread victim = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(threadName))
            .findFirst().orElseThrow(() -> new IllegalStateException("no thread " + threadName));
        System.out.println("FAULT stopping thread " + threadName);
        victim.stop();
    }

    private static void fillHeap(Path dir) {
        MemoryPoolMXBean old = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getName().contains("Tenured") || p.getName().contains("Old Gen")).findFirst().orElseThrow();
        List<byte[]> hoard = new ArrayList<>();
        long max = old.getUsage().getMax();
        while (true) {
            hoard.add(new byte[1 << 20]);
            if (hoard.size() % 4 == 0) {
                System.gc();
                if (old.getCollectionUsage().getUsed() >= FILLED_FRACTION * max) {
                    break;
                }
            }
        }
        System.out.println(HEAP_FILLED + ": " + old.getCollectionUsage().getUsed() / (1 << 20) + " MiB of "
            + max / (1 << 20) + " MiB after a collection");
        awaitFile(dir.resolve("fault.continue"));
        while (true) {
            hoard.add(new byte[1 << 20]);
        }
    }

    private static void awaitFile(Path file) {
        while (!Files.exists(file)) {
            sleep(POLL_MILLIS);
        }
    }

    private static void forever() {
        while (true) {
            sleep(60_000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
