package io.namesrv.interop.support;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM: runs the real main class (first argument) and halts the JVM
 * when its stdin reaches end-of-file, i.e. when the test JVM is gone. Shutdown hooks cover a
 * normal exit of the test JVM; this covers the case they cannot, a SIGKILLed test JVM.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ParentWatchdog <main class> [args...]");
        }
        Thread watchdog = new Thread(ParentWatchdog::haltOnStdinEof, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void haltOnStdinEof() {
        InputStream in = System.in;
        byte[] buffer = new byte[64];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end-of-file: the parent is gone
        }
        System.err.println("parent-watchdog: test JVM is gone, halting");
        Runtime.getRuntime().halt(3);
    }
}
