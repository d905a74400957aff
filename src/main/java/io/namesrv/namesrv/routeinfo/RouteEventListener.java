package io.namesrv.namesrv.routeinfo;

/**
 * Told about brokers joining and leaving the live table. Called on the thread that made the
 * change, after the route table's lock is released (so an implementation may read the table),
 * in the order that thread made its changes; different threads may call it concurrently.
 */
public interface RouteEventListener {

    RouteEventListener NONE = new RouteEventListener() {
        @Override
        public void brokerRegistered(String clusterName, String brokerAddr, boolean firstTime) {
        }

        @Override
        public void brokerRemoved(String clusterName, String brokerAddr, RemovalCause cause) {
        }
    };

    /** Tells each of {@code listeners} in turn. */
    static RouteEventListener all(RouteEventListener... listeners) {
        RouteEventListener[] copy = listeners.clone();
        return new RouteEventListener() {
            @Override
            public void brokerRegistered(String clusterName, String brokerAddr, boolean firstTime) {
                for (RouteEventListener l : copy) {
                    l.brokerRegistered(clusterName, brokerAddr, firstTime);
                }
            }

            @Override
            public void brokerRemoved(String clusterName, String brokerAddr, RemovalCause cause) {
                for (RouteEventListener l : copy) {
                    l.brokerRemoved(clusterName, brokerAddr, cause);
                }
            }
        };
    }

    /** A registration; {@code firstTime} when the address was not live before (else a renewal). */
    void brokerRegistered(String clusterName, String brokerAddr, boolean firstTime);

    /** A live broker was removed. */
    void brokerRemoved(String clusterName, String brokerAddr, RemovalCause cause);
}
