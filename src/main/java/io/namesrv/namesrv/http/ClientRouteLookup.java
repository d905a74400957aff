package io.namesrv.namesrv.http;

/**
 * A topic's route exactly as a client gets it: the answer of the name server's own
 * GET_ROUTEINFO_BY_TOPIC processor to a request from a current (standard JSON) client.
 */
@FunctionalInterface
public interface ClientRouteLookup {

    ClientRoute lookup(String topic);

    /** The response code, remark and body the client would receive. */
    record ClientRoute(int code, String remark, byte[] body) {
    }
}
