package io.namesrv.interop;

import io.namesrv.interop.support.NameServerProcess;
import java.util.Map;

/** {@link MinBrokerIdNotifyConformance} against our name server. */
class MinBrokerIdNotifyConformanceOursTest extends MinBrokerIdNotifyConformance {

    @Override
    protected NameServerProcess startNameServer(Map<String, String> config) {
        return NameServerProcess.ours(config);
    }
}
