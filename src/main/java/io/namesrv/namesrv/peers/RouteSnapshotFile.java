package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.routeinfo.RouteImage;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A route snapshot file opened for restoring: checked whole first ({@link RouteSnapshotCodec#index}),
 * then read one group at a time from where the check found it. The file stays open in between, so
 * both passes read the same content even if the name is replaced meanwhile.
 */
final class RouteSnapshotFile implements Closeable {

    private final FileChannel channel;
    private final RouteSnapshotCodec.Index index;

    private RouteSnapshotFile(FileChannel channel, RouteSnapshotCodec.Index index) {
        this.channel = channel;
        this.index = index;
    }

    /** Opens and checks the file; an unusable one is an {@link java.io.IOException} saying why. */
    static RouteSnapshotFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            // Not closed: closing the stream would close the channel, which the groups are read from.
            RouteSnapshotCodec.Index index = RouteSnapshotCodec.index(Channels.newInputStream(channel));
            return new RouteSnapshotFile(channel, index);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    long writtenAt() {
        return index.writtenAt();
    }

    int groupCount() {
        return index.groupStarts().length;
    }

    /** The {@code i}-th group; one that does not decode is an {@link IOException} saying why. */
    RouteImage.Group group(int i) throws IOException {
        long start = index.groupStarts()[i];
        long length = index.groupEnds()[i] - start;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("group " + i + " is larger than 2 GB");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        while (buf.hasRemaining()) {
            if (channel.read(buf, start + buf.position()) < 0) {
                throw new EOFException("the file ends inside group " + i);
            }
        }
        try {
            return RouteSnapshotCodec.decodeGroup(buf.array());
        } catch (IOException e) {
            throw new IOException("group " + i + " is damaged: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
