package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.NameServerProcess;
import java.util.List;
import java.util.Map;

/** {@link TlsEnforcingInterop} against our name server, which also says in its log why it refused. */
class TlsEnforcingInteropOursTest extends TlsEnforcingInterop {

    @Override
    protected NameServerProcess startNameServer(List<String> jvmOptions) {
        return NameServerProcess.ours(Map.of(), jvmOptions);
    }

    @Override
    protected void assertRefusalExplained(String serverLog, String explanation) {
        assertTrue(serverLog.contains(explanation), "the server log does not say: " + explanation);
    }
}
