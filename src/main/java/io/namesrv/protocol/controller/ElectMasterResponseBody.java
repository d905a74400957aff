package io.namesrv.protocol.controller;

import io.namesrv.protocol.BrokerMemberGroup;
import java.util.Set;

/**
 * The body of a successful 1002: the group's members and the new in-sync set. A
 * MASTER_STILL_EXIST answer carries only the set ({@code brokerMemberGroup} null, left out).
 */
public record ElectMasterResponseBody(BrokerMemberGroup brokerMemberGroup, Set<Long> syncStateSet) {
}
