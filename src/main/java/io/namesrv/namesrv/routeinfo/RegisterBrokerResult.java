package io.namesrv.namesrv.routeinfo;

/** What a registering slave learns about its master (both null for a master or a lone slave). */
public record RegisterBrokerResult(String haServerAddr, String masterAddr) {

    static final RegisterBrokerResult EMPTY = new RegisterBrokerResult(null, null);
}
