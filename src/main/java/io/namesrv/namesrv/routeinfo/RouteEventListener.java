package io.namesrv.namesrv.routeinfo;

/**
 * Told about brokers joining and leaving the live table; an implementation overrides what it
 * cares about. Called on the thread that made the change, after the route table's lock is
 * released (so an implementation may read the table), in the order that thread made its
 * changes; different threads may call it concurrently.
 */
public interface RouteEventListener {

    /** Hears nothing. */
    RouteEventListener NONE = new RouteEventListener() {
    };

    /** A registration; {@code firstTime} when the address was not live before (else a renewal). */
    default void brokerRegistered(String clusterName, String brokerAddr, boolean firstTime) {
    }

    /** A live broker was removed. */
    default void brokerRemoved(String clusterName, String brokerAddr, RemovalCause cause) {
    }

    /**
     * A group's smallest broker id changed where Apache's name server sends
     * NOTIFY_MIN_BROKER_ID_CHANGE (whether to send it is the listener's decision).
     */
    default void minBrokerIdChanged(MinBrokerIdChange change) {
    }

    /** Tells {@code first}, then {@code second}, every event; {@code second} hears it even if {@code first} fails. */
    static RouteEventListener both(RouteEventListener first, RouteEventListener second) {
        return new RouteEventListener() {
            @Override
            public void brokerRegistered(String clusterName, String brokerAddr, boolean firstTime) {
                try {
                    first.brokerRegistered(clusterName, brokerAddr, firstTime);
                } finally {
                    second.brokerRegistered(clusterName, brokerAddr, firstTime);
                }
            }

            @Override
            public void brokerRemoved(String clusterName, String brokerAddr, RemovalCause cause) {
                try {
                    first.brokerRemoved(clusterName, brokerAddr, cause);
                } finally {
                    second.brokerRemoved(clusterName, brokerAddr, cause);
                }
            }

            @Override
            public void minBrokerIdChanged(MinBrokerIdChange change) {
                try {
                    first.minBrokerIdChanged(change);
                } finally {
                    second.minBrokerIdChanged(change);
                }
            }
        };
    }
}
