package io.namesrv.interop;

import io.namesrv.interop.support.FreePorts;
import io.namesrv.interop.support.NameServerProcess;
import io.namesrv.interop.support.PeerDirs;
import java.time.Duration;
import java.util.Map;

/**
 * {@link ControllerFailoverInterop} against Apache 5.3.3's name server with its embedded
 * controller (the default DLedger type, one node): the reference for the same story.
 */
class ControllerFailoverInteropApacheTest extends ControllerFailoverInterop {

    private NameServerProcess namesrv;

    @Override
    protected String[] startNameServerWithController() {
        int controllerPort = FreePorts.single();
        namesrv = NameServerProcess.apache(Map.of(
            "enableControllerInNamesrv", "true",
            "controllerDLegerGroup", "failover",
            "controllerDLegerPeers", "n0-127.0.0.1:" + controllerPort,
            "controllerDLegerSelfId", "n0",
            "controllerStorePath", PeerDirs.create("apache-controller-store").toString(),
            "scanNotActiveBrokerInterval", "2000",
            "scanInactiveMasterInterval", "2000"));
        namesrv.waitForLine(ControllerFailoverInteropTest.CONTROLLER_BOOT, Duration.ofSeconds(30));
        return new String[] {namesrv.address(), "127.0.0.1:" + controllerPort};
    }

    @Override
    protected void stopNameServer() {
        if (namesrv != null) {
            namesrv.close();
        }
    }
}
