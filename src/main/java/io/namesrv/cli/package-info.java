/**
 * {@code bin/mqadmin}: one class per subcommand with Apache's names, options and output, the
 * name-server address resolution, and the clients they speak the wire through, like any client.
 *
 * <p>May import: {@code protocol}, {@code remoting}, {@code common}. Never {@code namesrv}.
 */
package io.namesrv.cli;
