package io.namesrv.controller.state;

import io.namesrv.remoting.protocol.CommandCustomHeader;

/**
 * What applying one {@link Command} did: the next state (the same one when the command was
 * refused) and the answer for the requester: code, remark, header and a JSON body value (each
 * may be null). {@code electedMaster} is true when the command gave the group a new master, so
 * the leader tells the group's brokers.
 */
public record Outcome(ControllerState state, int code, String remark, CommandCustomHeader header, Object body,
                      boolean electedMaster) {

    static Outcome refused(ControllerState state, int code, String remark, CommandCustomHeader header) {
        return new Outcome(state, code, remark, header, null, false);
    }

    static Outcome ok(ControllerState state, CommandCustomHeader header, Object body) {
        return new Outcome(state, 0, null, header, body, false);
    }

    public boolean isSuccess() {
        return code == 0;
    }
}
