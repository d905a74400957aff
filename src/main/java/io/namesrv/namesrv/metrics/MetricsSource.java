package io.namesrv.namesrv.metrics;

/**
 * A part of the name server with metrics of its own (the peers, for instance), written into each
 * scrape after the core families. Each source declares its own families, once per scrape.
 */
@FunctionalInterface
public interface MetricsSource {

    void write(PrometheusTextWriter w);
}
