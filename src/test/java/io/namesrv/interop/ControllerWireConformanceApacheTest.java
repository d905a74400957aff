package io.namesrv.interop;

/** {@link ControllerWireConformance} against Apache 5.3.3's embedded controller: the reference. */
class ControllerWireConformanceApacheTest extends ControllerWireConformance {

    private final ControllerFailoverInteropApacheTest fixture = new ControllerFailoverInteropApacheTest();

    @Override
    protected String startController() {
        return fixture.startNameServerWithController()[1];
    }

    @Override
    protected void stopController() {
        fixture.stopNameServer();
    }
}
