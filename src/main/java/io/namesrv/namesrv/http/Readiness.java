package io.namesrv.namesrv.http;

/** Whether the name server should get traffic now, and if not, why (for /ready and the metric). */
public record Readiness(boolean ready, String reason) {

    public static Readiness yes() {
        return new Readiness(true, "ready");
    }

    public static Readiness no(String reason) {
        return new Readiness(false, reason);
    }
}
