package io.namesrv.protocol;

/** How a topic's messages are filtered; only carried through, the name server never acts on it. */
public enum TopicFilterType {
    SINGLE_TAG,
    MULTI_TAG
}
