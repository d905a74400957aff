/**
 * The status console's data, kept in memory on a fixed budget: which server this is, the last
 * hour of request, error, latency and table-size figures ({@link io.namesrv.namesrv.console.MetricsHistory}),
 * what happened to brokers recently ({@link io.namesrv.namesrv.console.BrokerEventLog}), a
 * topic search that stays cheap at a million topics ({@link io.namesrv.namesrv.console.TopicIndex}),
 * and sections other capabilities contribute ({@link io.namesrv.namesrv.console.StatusContributor}).
 * {@link io.namesrv.namesrv.console.StatusConsole} owns them and their one thread; the HTTP
 * endpoint ({@code namesrv.http}) serves them.
 *
 * <p>May import: {@code namesrv.routeinfo}, {@code namesrv.metrics}, {@code controller} (its status
 * record only), {@code protocol}, {@code remoting}, {@code common}; imported by {@code namesrv.http},
 * {@code NamesrvController} and {@code NamesrvStartup}.
 */
package io.namesrv.namesrv.console;
