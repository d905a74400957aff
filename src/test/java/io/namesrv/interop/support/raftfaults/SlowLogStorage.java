package io.namesrv.interop.support.raftfaults;

import com.alipay.sofa.jraft.entity.LogEntry;
import com.alipay.sofa.jraft.option.LogStorageOptions;
import com.alipay.sofa.jraft.storage.LogStorage;
import java.util.List;

/** A Raft log whose every write (append, truncate, reset) first waits for the {@link StorageDelay}; reads are untouched. */
final class SlowLogStorage implements LogStorage {

    private final LogStorage log;
    private final StorageDelay delay;

    SlowLogStorage(LogStorage log, StorageDelay delay) {
        this.log = log;
        this.delay = delay;
    }

    @Override
    public boolean init(LogStorageOptions opts) {
        return log.init(opts);
    }

    @Override
    public void shutdown() {
        log.shutdown();
    }

    @Override
    public long getFirstLogIndex() {
        return log.getFirstLogIndex();
    }

    @Override
    public long getLastLogIndex() {
        return log.getLastLogIndex();
    }

    @Override
    public LogEntry getEntry(long index) {
        return log.getEntry(index);
    }

    @Override
    @SuppressWarnings("deprecation")
    public long getTerm(long index) {
        return log.getTerm(index);
    }

    @Override
    public boolean appendEntry(LogEntry entry) {
        delay.beforeWrite();
        return log.appendEntry(entry);
    }

    @Override
    public int appendEntries(List<LogEntry> entries) {
        delay.beforeWrite();
        return log.appendEntries(entries);
    }

    @Override
    public boolean truncatePrefix(long firstIndexKept) {
        delay.beforeWrite();
        return log.truncatePrefix(firstIndexKept);
    }

    @Override
    public boolean truncateSuffix(long lastIndexKept) {
        delay.beforeWrite();
        return log.truncateSuffix(lastIndexKept);
    }

    @Override
    public boolean reset(long nextLogIndex) {
        delay.beforeWrite();
        return log.reset(nextLogIndex);
    }
}
