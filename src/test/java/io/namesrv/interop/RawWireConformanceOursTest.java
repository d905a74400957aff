package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.namesrv.interop.support.NameServerProcess;

/** {@link RawWireConformance} against our name server. */
class RawWireConformanceOursTest extends RawWireConformance {

    @Override
    protected NameServerProcess startNameServer() {
        return NameServerProcess.ours();
    }

    /** Deliberate difference (decisions.md): no placeholder remark on a successful answer. */
    @Override
    protected void assertMemberGroupRemark(String remark) {
        assertNull(remark);
    }
}
