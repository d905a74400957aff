package io.namesrv.protocol;

/** The answer to GET_BROKER_MEMBER_GROUP. */
public record GetBrokerMemberGroupResponseBody(BrokerMemberGroup brokerMemberGroup) {
}
