package io.namesrv.namesrv.routeinfo;

/**
 * A change refused because it would take the route table past one of its {@link RouteLimits};
 * nothing of it was applied. The message names the limit and says why, for the caller's answer.
 */
public final class RouteLimitExceededException extends RuntimeException {

    private final String limit;

    RouteLimitExceededException(String limit, long value, String why) {
        super(why + ": " + limit + "=" + value);
        this.limit = limit;
    }

    /** The limit's configuration key, e.g. {@link RouteLimits#TOPIC_QUEUE_ENTRIES}. */
    public String limit() {
        return limit;
    }
}
