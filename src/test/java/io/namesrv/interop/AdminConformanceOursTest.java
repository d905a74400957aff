package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.namesrv.interop.support.NameServerProcess;
import org.junit.jupiter.api.Test;

/**
 * {@link AdminConformance} against our name server, plus our documented differences
 * (decisions.md, docs/compatibility.md).
 */
class AdminConformanceOursTest extends AdminConformance {

    @Override
    protected NameServerProcess startNameServer() {
        return NameServerProcess.ours();
    }

    /** Our remark names the refused keys; Apache's says "Can not update config in black list.". */
    @Override
    protected void assertKvConfigPathRefusalRemark(String remark) {
        assertEquals("Can not update config, keys not tunable at runtime: kvConfigPath", remark);
    }

    /**
     * Deliberate difference: only an allow-list of switches is tunable at runtime, so a thread
     * count (read once at start; 1 is the #7542 outage) is refused. Apache accepts it.
     */
    @Test
    void oursRefusesAThreadCountUpdate() throws Exception {
        String before = config().getProperty("serverWorkerThreads");
        ClientFailure refused = refusedUpdate("serverWorkerThreads", "9");
        assertEquals(16, refused.code());
        assertEquals("Can not update config, keys not tunable at runtime: serverWorkerThreads", refused.remark());
        assertEquals(before, config().getProperty("serverWorkerThreads"));
    }

}
