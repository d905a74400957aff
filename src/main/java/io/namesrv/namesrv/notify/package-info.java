/**
 * NOTIFY_MIN_BROKER_ID_CHANGE (905), the one request a name server sends on its own: when a
 * broker group's smallest id changes, its members are told at once instead of finding out at
 * their next poll. The route table works out what changed and whom to tell under its lock;
 * {@link io.namesrv.namesrv.notify.MinBrokerIdNotifier} sends it afterwards, from its own thread,
 * without ever waiting for a broker.
 */
package io.namesrv.namesrv.notify;
