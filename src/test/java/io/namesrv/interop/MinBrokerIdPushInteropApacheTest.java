package io.namesrv.interop;

import io.namesrv.interop.support.NameServerProcess;
import java.util.Map;

/** {@link MinBrokerIdPushInterop} against Apache's name server: the reference. */
class MinBrokerIdPushInteropApacheTest extends MinBrokerIdPushInterop {

    @Override
    protected NameServerProcess startNameServer(Map<String, String> config) {
        return NameServerProcess.apache(config);
    }
}
