package io.namesrv.interop;

import io.namesrv.interop.support.NameServerProcess;
import java.util.Map;

/** {@link MinBrokerIdNotifyConformance} against Apache's name server: the reference. */
class MinBrokerIdNotifyConformanceApacheTest extends MinBrokerIdNotifyConformance {

    @Override
    protected NameServerProcess startNameServer(Map<String, String> config) {
        return NameServerProcess.apache(config);
    }
}
