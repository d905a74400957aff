package io.namesrv.interop;

import io.namesrv.interop.support.NameServerProcess;
import java.util.Map;

/** {@link MinBrokerIdPushInterop} against our name server. */
class MinBrokerIdPushInteropOursTest extends MinBrokerIdPushInterop {

    @Override
    protected NameServerProcess startNameServer(Map<String, String> config) {
        return NameServerProcess.ours(config);
    }
}
