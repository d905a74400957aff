package io.namesrv.interop.support.raftfaults;

import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.option.RaftMetaStorageOptions;
import com.alipay.sofa.jraft.storage.RaftMetaStorage;

/** Raft meta storage (term and vote) whose every write first waits for the {@link StorageDelay}. */
final class SlowMetaStorage implements RaftMetaStorage {

    private final RaftMetaStorage meta;
    private final StorageDelay delay;

    SlowMetaStorage(RaftMetaStorage meta, StorageDelay delay) {
        this.meta = meta;
        this.delay = delay;
    }

    @Override
    public boolean init(RaftMetaStorageOptions opts) {
        return meta.init(opts);
    }

    @Override
    public void shutdown() {
        meta.shutdown();
    }

    @Override
    public boolean setTerm(long term) {
        delay.beforeWrite();
        return meta.setTerm(term);
    }

    @Override
    public long getTerm() {
        return meta.getTerm();
    }

    @Override
    public boolean setVotedFor(PeerId peerId) {
        delay.beforeWrite();
        return meta.setVotedFor(peerId);
    }

    @Override
    public PeerId getVotedFor() {
        return meta.getVotedFor();
    }

    @Override
    public boolean setTermAndVotedFor(long term, PeerId peerId) {
        delay.beforeWrite();
        return meta.setTermAndVotedFor(term, peerId);
    }
}
