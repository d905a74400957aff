package io.namesrv.namesrv.console;

/** Durations in words for people: "850 ms", "45 s", "2 min 5 s", "3 h 20 min". */
public final class Durations {

    private Durations() {
    }

    public static String words(long millis) {
        long ms = Math.max(0, millis);
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + " s";
        }
        long m = s / 60;
        if (m < 60) {
            return s % 60 == 0 ? m + " min" : m + " min " + s % 60 + " s";
        }
        long h = m / 60;
        if (h < 48) {
            return m % 60 == 0 ? h + " h" : h + " h " + m % 60 + " min";
        }
        return h / 24 + " d " + h % 24 + " h";
    }
}
