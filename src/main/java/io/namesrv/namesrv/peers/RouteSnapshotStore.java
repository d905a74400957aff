package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.config.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The route snapshot file, written the way the KV store is ({@link AtomicFileWriter}: temp file,
 * fsync, {@code .bak}, atomic rename, directory fsync), so a crash at any moment leaves the last
 * complete snapshot readable; read back from the file or, if that is damaged, from its backup.
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

    void write(RouteSnapshot snapshot) throws IOException {
        byte[] content = RouteSnapshotCodec.encode(snapshot);
        writeLock.lock();
        try {
            AtomicFileWriter.write(path, content, true);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The last snapshot written, null when there is none. A file (and backup) that is damaged or in
     * a format this server does not read is an {@link IOException} whose message says why.
     */
    AtomicFileWriter.ReadBack<RouteSnapshot> read() throws IOException {
        return AtomicFileWriter.readBack(path, RouteSnapshotCodec::decode);
    }
}
