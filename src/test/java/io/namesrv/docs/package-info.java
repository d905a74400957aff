/**
 * Docs-truth tests: each takes a command or file shown in README.md or docs/ (the systemd unit and
 * install steps, the container image, the jstack thread list) as the text gives it, runs it against
 * the real distribution (after {@code package}, so the ITs here run under failsafe) and checks what
 * the text says of it. A doc edit that makes the text untrue fails one of them.
 */
package io.namesrv.docs;
