package io.namesrv.interop;

import io.namesrv.interop.support.NameServerProcess;
import java.util.Map;

/** {@link BrokerLifecycleInterop} with real Apache brokers against our name server. */
class BrokerLifecycleInteropTest extends BrokerLifecycleInterop {

    @Override
    protected NameServerProcess startNameServer(Map<String, String> config) {
        return NameServerProcess.ours(config);
    }
}
