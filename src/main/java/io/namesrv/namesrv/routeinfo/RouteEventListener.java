package io.namesrv.namesrv.routeinfo;

/**
 * Told about brokers joining and leaving the live table. Called while the route table's write
 * lock is held, so an implementation must be cheap and must not call back into the table.
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

    /** A registration; {@code firstTime} when the address was not live before (else a renewal). */
    void brokerRegistered(String clusterName, String brokerAddr, boolean firstTime);

    /** A live broker was removed. */
    void brokerRemoved(String clusterName, String brokerAddr, RemovalCause cause);
}
