package io.namesrv.interop.support.raftfaults;

import com.alipay.sofa.jraft.JRaftServiceFactory;
import com.alipay.sofa.jraft.core.DefaultJRaftServiceFactory;
import com.alipay.sofa.jraft.entity.codec.LogEntryCodecFactory;
import com.alipay.sofa.jraft.option.NodeOptions;
import com.alipay.sofa.jraft.option.RaftOptions;
import com.alipay.sofa.jraft.storage.LogStorage;
import com.alipay.sofa.jraft.storage.RaftMetaStorage;
import com.alipay.sofa.jraft.storage.SnapshotStorage;
import com.alipay.sofa.jraft.util.SPI;

/** sofa-jraft's own storage (RocksDB log, file meta, local snapshots), with writes the fault plan can slow down. */
@SPI(name = "slow-storage", priority = 100)
public final class SlowStorageServiceFactory implements JRaftServiceFactory {

    private final DefaultJRaftServiceFactory standard = DefaultJRaftServiceFactory.newInstance();

    @Override
    public LogStorage createLogStorage(String uri, RaftOptions raftOptions) {
        return new SlowLogStorage(standard.createLogStorage(uri, raftOptions), new StorageDelay(FaultPlan.self()));
    }

    @Override
    public SnapshotStorage createSnapshotStorage(NodeOptions nodeOptions) {
        return standard.createSnapshotStorage(nodeOptions);
    }

    @Override
    public RaftMetaStorage createRaftMetaStorage(String uri, RaftOptions raftOptions) {
        return new SlowMetaStorage(standard.createRaftMetaStorage(uri, raftOptions), new StorageDelay(FaultPlan.self()));
    }

    @Override
    public LogEntryCodecFactory createLogEntryCodecFactory() {
        return standard.createLogEntryCodecFactory();
    }
}
