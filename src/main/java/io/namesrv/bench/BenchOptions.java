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
    boolean storm,
    /** --access: which topics the route callers ask about. */
    Access access,
    /** --hot-topics: the size of the hot subset for {@link Access#HOT}. */
    int hotTopics,
    /** --churn: a broker re-registers changed topics every second during the route lookups. */
    boolean churn) {

    /** Which topics route callers ask about. */
    enum Access {
        /** Uniformly at random over every topic (at 256,000 topics and more, nearly all are asked about once). */
        RANDOM,
        /** Every topic once, in a shuffled order, before any is asked about again: a cache never helps. */
        COLD,
        /** At random within a subset of {@code hotTopics} topics: what a cache would be best at. */
        HOT
    }

    /**
     * The cluster shapes of issue 18: {@code small} is the default 64 broker names x 1,000 topics
     * (16,000 distinct topics, each served by 4 names), {@code large} 256 x 4,000 (256,000), and
     * {@code huge} 1,000 x 4,000 (1,000,000); each broker name is a master and a slave.
     */
    enum Scale {
        SMALL(64, 1_000, 4),
        LARGE(256, 4_000, 4),
        HUGE(1_000, 4_000, 4);

        final int brokers;
        final int topicsPerBroker;
        final int brokersPerTopic;

        Scale(int brokers, int topicsPerBroker, int brokersPerTopic) {
            this.brokers = brokers;
            this.topicsPerBroker = topicsPerBroker;
            this.brokersPerTopic = brokersPerTopic;
        }
    }
}
