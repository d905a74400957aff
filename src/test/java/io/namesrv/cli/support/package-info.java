/**
 * Running {@code mqadmin} in tests: ours in-process with captured output, Apache's in a child JVM,
 * a fake broker for the commands that talk to brokers, and strict JSON comparison.
 */
package io.namesrv.cli.support;
