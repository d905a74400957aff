package io.namesrv.interop.support;

/**
 * A tiny main class for exercising {@link ChildJvm}: prints what it was given, then either exits
 * with the code in its first argument ("exit:N") or sleeps until it is stopped.
 */
public final class ChildJvmFixture {

    private ChildJvmFixture() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("property=" + System.getProperty("fixture.property"));
        System.out.println("env=" + System.getenv("FIXTURE_ENV"));
        System.out.println("dir=" + System.getProperty("user.dir"));
        System.err.println("to stderr");
        if (args.length > 0 && args[0].startsWith("exit:")) {
            System.exit(Integer.parseInt(args[0].substring("exit:".length())));
        }
        System.out.println("fixture ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
