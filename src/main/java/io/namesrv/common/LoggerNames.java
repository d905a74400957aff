package io.namesrv.common;

/**
 * The logger names, Apache's, in one place: operators' logback files (ours in
 * {@code conf/logback_namesrv.xml}, and theirs written for Apache's NameServer) route by them, so a
 * misspelt name would silently send lines to the wrong file.
 */
public final class LoggerNames {

    /** The name server's own log ({@code namesrv.log}): registrations, removals, settings, ACL. */
    public static final String NAMESRV = "RocketmqNamesrv";
    /** The business queues' depth and head wait, logged every second. */
    public static final String NAMESRV_WATER_MARK = "RocketmqNamesrvWaterMark";
    /** The network layer: connections, codec failures, overload. */
    public static final String REMOTING = "RocketmqRemoting";
    /** Per-request traffic lines ({@code namesrv_traffic.log}). */
    public static final String TRAFFIC = "RocketmqTraffic";

    /** The embedded controller ({@code controller.log}): elections, role pushes, liveness, Raft roles. */
    public static final String CONTROLLER = "RocketmqController";

    private LoggerNames() {
    }
}
