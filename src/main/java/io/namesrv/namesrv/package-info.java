/**
 * The daemon: {@code NamesrvStartup} (command line, configuration, logging, start and stop),
 * {@code NamesrvController} (wires the route table, KV store, processors, business pools,
 * housekeeping and the operations endpoint onto the remoting server) and {@code NamesrvConfig}.
 *
 * <p>The top of the server: may import every {@code namesrv.*} package, {@code controller} (it
 * starts the embedded controller and shows its status), {@code protocol}, {@code remoting} and
 * {@code common}; nothing below imports it.
 */
package io.namesrv.namesrv;
