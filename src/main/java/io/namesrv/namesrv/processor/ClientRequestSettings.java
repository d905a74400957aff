package io.namesrv.namesrv.processor;

/** The runtime-tunable switches the route lookup reads on every request (they may change live). */
public interface ClientRequestSettings {

    /** Routes carry the topic's order config from the KV store (namespace ORDER_TOPIC_CONFIG). */
    boolean isOrderMessageEnable();
}
