package io.namesrv.bench;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a run is shaped by. Defaults: 64 broker names x 1,000 topics x 8 queues, master and
 * slave; 32 callers over 4 connections for 20 s of route lookups; no registration storm.
 */
record BenchOptions(
    String addr,
    Long pid,
    int brokers,
    int topicsPerBroker,
    int queues,
    int brokersPerTopic,
    int callers,
    int connections,
    /** Client selector threads all K connections share. */
    int clientThreads,
    double seconds,
    double warmupSeconds,
    int bigTopics,
    int registrations,
    int listCallers,
    double listSeconds,
    boolean echo,
    boolean vs,
    String heap,
    int rounds,
    Path home,
    Path apacheClasspathFile,
    /** --vs: extra name server settings for ours only (e.g. a tuning to measure); Apache keeps its defaults. */
    Map<String, String> oursConfig,
    /** --storm: also measure route lookups while registrations flood the default executor. */
    boolean storm) {
}
