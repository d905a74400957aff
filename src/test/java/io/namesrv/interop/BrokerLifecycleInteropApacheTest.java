package io.namesrv.interop;

import io.namesrv.interop.support.NameServerProcess;
import java.util.Map;

/** {@link BrokerLifecycleInterop} against Apache's name server: the reference for the same story. */
class BrokerLifecycleInteropApacheTest extends BrokerLifecycleInterop {

    @Override
    protected NameServerProcess startNameServer(Map<String, String> config) {
        return NameServerProcess.apache(config);
    }
}
