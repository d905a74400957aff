package io.namesrv.interop;

/** {@link ControllerWireConformance} against our embedded controller. */
class ControllerWireConformanceOursTest extends ControllerWireConformance {

    private final ControllerFailoverInteropTest fixture = new ControllerFailoverInteropTest();

    @Override
    protected String startController() {
        return fixture.startNameServerWithController()[1];
    }

    @Override
    protected void stopController() {
        fixture.stopNameServer();
    }
}
