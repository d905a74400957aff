package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.namesrv.interop.support.NameServerProcess;

/** {@link RawWireConformance} against Apache's name server. */
class RawWireConformanceApacheTest extends RawWireConformance {

    @Override
    protected NameServerProcess startNameServer() {
        return NameServerProcess.apache();
    }

    /** Apache's processor never sets a code-specific remark here, so the placeholder stays. */
    @Override
    protected void assertMemberGroupRemark(String remark) {
        assertEquals("not set any response code", remark);
    }
}
