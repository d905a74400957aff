package io.namesrv.interop;

import io.namesrv.interop.support.NameServerProcess;
import java.util.List;
import java.util.Map;

/**
 * {@link TlsEnforcingInterop} against Apache's name server: the same probes get the same answers.
 * Its log is kept quiet (warnings only) and words refusals its own way, so only ours is held to
 * explaining them.
 */
class TlsEnforcingInteropApacheTest extends TlsEnforcingInterop {

    @Override
    protected NameServerProcess startNameServer(List<String> jvmOptions) {
        return NameServerProcess.apache(Map.of(), jvmOptions);
    }

    @Override
    protected void assertRefusalExplained(String serverLog, String explanation) {
        // Nothing to hold Apache's server to: the conformance is in the probes' results.
    }
}
