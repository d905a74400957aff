/**
 * Warm restart and peer name servers (docs/architecture.md, "Warm restart and peer name
 * servers"). A restarted name server restores its routes before its port listens, from its own
 * route snapshot ({@link io.namesrv.namesrv.peers.SnapshotRestore}, written by
 * {@link io.namesrv.namesrv.peers.SnapshotWriter}) or, with an empty disk, from its peers
 * ({@link io.namesrv.namesrv.peers.PeerBootstrap}); with {@code namesrvPeers} set it compares its
 * view with each peer's ({@link io.namesrv.namesrv.peers.PeerComparison},
 * {@link io.namesrv.namesrv.peers.ViewDiff}, {@link io.namesrv.namesrv.peers.DivergenceTracker})
 * and, opt-in, serves the brokers a peer knows directly and it does not
 * ({@link io.namesrv.namesrv.peers.Relay}). {@link io.namesrv.namesrv.peers.PeersService} is the one
 * door the controller uses.
 *
 * <p>Everything learned this way enters the route table as provisional state through
 * {@code RouteInfoManager.mergeProvisional}, which never lets it override what a broker registered
 * directly. Peers are asked only with the request codes any client uses (plus our read-only 40001
 * where it is answered), so Apache's name servers can be peers. Uses {@code routeinfo},
 * {@code config} (the atomic file writer), {@code metrics}, {@code protocol} and {@code remoting};
 * nothing below it knows this package.
 */
package io.namesrv.namesrv.peers;
