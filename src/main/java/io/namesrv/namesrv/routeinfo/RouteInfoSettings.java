package io.namesrv.namesrv.routeinfo;

/** The runtime-tunable switches the route table reads on every use (they may change live). */
public interface RouteInfoSettings {

    /** On registration, drop this broker's queues of topics it no longer reports. */
    boolean deleteTopicWithBrokerRegistration();

    /** Rewrite routes so that the lowest slave of a master-less group acts as id 0. */
    boolean supportActingMaster();

    /** Settings that never change: for tools and tests that need no live configuration. */
    record Fixed(boolean deleteTopicWithBrokerRegistration, boolean supportActingMaster) implements RouteInfoSettings {
    }
}
