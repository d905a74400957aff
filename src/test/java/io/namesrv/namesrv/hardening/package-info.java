/**
 * The server under abuse: malformed and hostile input, floods that fill the executors, clients
 * that do not read, kills in the middle of writes, and the soak. Each test proves what stays
 * true (answers, no leaks, nothing acknowledged lost); speed is measured by bin/mqbench, not here.
 */
package io.namesrv.namesrv.hardening;
