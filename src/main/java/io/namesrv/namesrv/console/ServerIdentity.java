package io.namesrv.namesrv.console;

/**
 * Which name server this is: host, process, version (ours, and the RocketMQ release it speaks),
 * where it listens, since when.
 */
public record ServerIdentity(String host, long pid, String version, String speaks, String remoting, String http,
                             long startedAtMillis, long uptimeMillis, String java) {
}
