package io.namesrv.interop;

import io.namesrv.interop.support.FreePorts;
import io.namesrv.interop.support.NameServerProcess;
import io.namesrv.interop.support.PeerDirs;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/** {@link ControllerFailoverInterop} against our name server with its embedded controller (sofa-jraft, one node). */
class ControllerFailoverInteropTest extends ControllerFailoverInterop {

    static final Pattern CONTROLLER_BOOT = Pattern.compile("The ControllerManager boot success");

    private NameServerProcess namesrv;

    @Override
    protected String[] startNameServerWithController() {
        int controllerPort = FreePorts.single();
        int raftPort = FreePorts.single();
        namesrv = NameServerProcess.ours(Map.of(
            "enableControllerInNamesrv", "true",
            "controllerType", "jRaft",
            "jRaftGroupId", "failover",
            "jRaftServerId", "127.0.0.1:" + raftPort,
            "jRaftInitConf", "127.0.0.1:" + raftPort,
            "jRaftControllerRPCAddr", "127.0.0.1:" + controllerPort,
            "controllerStorePath", PeerDirs.create("our-controller-store").toString(),
            "scanNotActiveBrokerInterval", "2000",
            "scanInactiveMasterInterval", "2000"));
        namesrv.waitForLine(CONTROLLER_BOOT, Duration.ofSeconds(30));
        return new String[] {namesrv.address(), "127.0.0.1:" + controllerPort};
    }

    @Override
    protected void stopNameServer() {
        if (namesrv != null) {
            namesrv.close();
        }
    }
}
