/**
 * The controller's wire values: request/response codes of the controller port, the custom
 * headers of codes 1001-1013 and their JSON bodies, as Apache's brokers and tools send and expect
 * them (spec apache-5.5-delta.md §C.2). Used by the controller and by {@code mqadmin}.
 */
package io.namesrv.protocol.controller;
