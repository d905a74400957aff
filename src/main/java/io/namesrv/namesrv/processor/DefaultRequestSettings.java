package io.namesrv.namesrv.processor;

/** The runtime-tunable switches the broker and admin requests read (they may change live). */
public interface DefaultRequestSettings {

    /** A registering broker is answered with the ORDER_TOPIC_CONFIG namespace of the KV store. */
    boolean isReturnOrderTopicConfigToBroker();

    /** GET_ALL_TOPIC_LIST_FROM_NAMESERVER is answered (else "disable"). */
    boolean isEnableAllTopicList();

    /** The topic-list requests by cluster and unit flags are answered (else "disable"). */
    boolean isEnableTopicList();
}
