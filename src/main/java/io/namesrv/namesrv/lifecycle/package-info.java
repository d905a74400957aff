/**
 * Staying whole or going away loudly: the process's health as /health reports it, the handler
 * that turns heap exhaustion or a lost essential thread into one clear line and an exit, the
 * monitor that watches what no exception would ever tell us about (an event loop that stopped,
 * a log writer that died, a heap that no collection frees any more), and the watchdog that bounds
 * how long a stop may take.
 */
package io.namesrv.namesrv.lifecycle;
