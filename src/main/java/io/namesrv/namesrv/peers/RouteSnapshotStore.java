package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.config.AtomicFileWriter;
import io.namesrv.namesrv.routeinfo.RouteImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The route snapshot file, written the way the KV store is ({@link AtomicFileWriter}: temp file,
 * fsync, {@code .bak}, atomic rename, directory fsync), so a crash at any moment leaves the last
 * complete snapshot readable; read back from the file or, if that is damaged, from its backup.
 * Both ways are streamed ({@link RouteSnapshotCodec}): a snapshot is never held in memory whole.
 */
final class RouteSnapshotStore {

    private final Path path;
    /** The periodic writer and the one at shutdown share the temp file. */
    private final ReentrantLock writeLock = new ReentrantLock();

    RouteSnapshotStore(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** Writes {@code groups}, taken one at a time as the file is written, as the snapshot of {@code writtenAt}. */
    void write(long writtenAt, Iterable<RouteImage.Group> groups) throws IOException {
        writeLock.lock();
        try {
            AtomicFileWriter.write(path, out -> RouteSnapshotCodec.write(writtenAt, groups, out), 1);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The last snapshot written, checked whole and open to be read group by group (the caller
     * closes it); null when there is none. A file (and backup) that is damaged or in a format this
     * server does not read is an {@link IOException} whose message says why.
     */
    AtomicFileWriter.ReadBack<RouteSnapshotFile> read() throws IOException {
        return AtomicFileWriter.readBackFile(path, RouteSnapshotFile::open);
    }
}
