package io.namesrv.namesrv.routeinfo;

/** What a registering slave learns about its master (both null for a master or a lone slave). */
public record RegisterBrokerResult(String haServerAddr, String masterAddr) {

    static final RegisterBrokerResult EMPTY = new RegisterBrokerResult(null, null);

    /**
     * Not applied: the registration was sent as {@code sameBodyAsBefore}, but the table no longer
     * knows that body (it changed since it was asked); decode the body and register again.
     */
    public static final RegisterBrokerResult BODY_NEEDED = new RegisterBrokerResult(null, null);
}
