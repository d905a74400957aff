package io.namesrv.controller.state;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the controller replicates: the broker groups by name (Apache's replica-info and
 * sync-state tables in one). Immutable; {@link StateMachine} makes the next state from a command.
 */
public record ControllerState(SortedMap<String, BrokerGroup> groups) {

    public static final ControllerState EMPTY = new ControllerState(new TreeMap<>());

    public ControllerState {
        groups = Collections.unmodifiableSortedMap(new TreeMap<>(groups));
    }

    public BrokerGroup group(String brokerName) {
        return brokerName == null ? null : groups.get(brokerName);
    }

    ControllerState with(BrokerGroup group) {
        SortedMap<String, BrokerGroup> next = new TreeMap<>(groups);
        next.put(group.brokerName(), group);
        return new ControllerState(next);
    }

    ControllerState without(String brokerName) {
        SortedMap<String, BrokerGroup> next = new TreeMap<>(groups);
        next.remove(brokerName);
        return new ControllerState(next);
    }

    /** The groups, for iteration in name order. */
    public Map<String, BrokerGroup> view() {
        return groups;
    }
}
