package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.namesrv.interop.support.NameServerProcess;
import org.junit.jupiter.api.Test;

/** {@link AdminConformance} against Apache's name server, plus where Apache differs from ours. */
class AdminConformanceApacheTest extends AdminConformance {

    @Override
    protected NameServerProcess startNameServer() {
        return NameServerProcess.apache();
    }

    @Override
    protected void assertKvConfigPathRefusalRemark(String remark) {
        assertEquals("Can not update config in black list.", remark);
    }

    /** Apache's black list holds four keys only; a thread count is accepted (#7542). Ours refuses it. */
    @Test
    void apacheAcceptsAThreadCountUpdate() throws Exception {
        String before = config().getProperty("serverWorkerThreads");
        updateConfig("serverWorkerThreads", "9");
        try {
            assertEquals("9", config().getProperty("serverWorkerThreads"));
        } finally {
            updateConfig("serverWorkerThreads", before);
        }
    }

}
