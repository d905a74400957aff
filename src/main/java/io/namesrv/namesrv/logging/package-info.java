/**
 * Logging that never holds a request up: the asynchronous appender the daemon's logback
 * configuration uses, which drops (and counts) rather than waits when its queue is full.
 */
package io.namesrv.namesrv.logging;
