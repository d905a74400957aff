package io.namesrv.remoting.netty;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.netty.channel.DefaultMessageSizeEstimator;
import io.netty.channel.MessageSizeEstimator;
import java.util.Map;

/**
 * Tells Netty how many bytes a {@link RemotingCommand} will take on the wire. Netty's default
 * counts any object it does not know as 8 bytes, so answers written from the business threads
 * (queued as tasks before the encoder turns them into bytes) never made a connection unwritable:
 * a client that never reads could pile up gigabytes of answers unseen by the water marks.
 */
final class CommandSizeEstimator implements MessageSizeEstimator {

    /** The fixed part of a frame and a typical JSON header without ext fields. */
    private static final int FRAME_AND_HEADER = 8 + 128;

    private static final Handle HANDLE = new Handle() {
        @Override
        public int size(Object msg) {
            if (msg instanceof RemotingCommand cmd) {
                return estimate(cmd);
            }
            return DefaultMessageSizeEstimator.DEFAULT.newHandle().size(msg);
        }
    };

    static final CommandSizeEstimator INSTANCE = new CommandSizeEstimator();

    private CommandSizeEstimator() {
    }

    @Override
    public Handle newHandle() {
        return HANDLE;
    }

    static int estimate(RemotingCommand cmd) {
        long size = FRAME_AND_HEADER;
        if (cmd.getRemark() != null) {
            size += cmd.getRemark().length();
        }
        Map<String, String> ext = cmd.getExtFields();
        if (ext != null) {
            for (Map.Entry<String, String> e : ext.entrySet()) {
                size += 6 + (e.getKey() == null ? 0 : e.getKey().length()) + (e.getValue() == null ? 0 : e.getValue().length());
            }
        }
        size += cmd.bodyLength();
        return (int) Math.min(Integer.MAX_VALUE, size);
    }
}
