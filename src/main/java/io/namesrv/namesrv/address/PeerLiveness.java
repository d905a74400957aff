package io.namesrv.namesrv.address;

import java.util.List;

/**
 * Which of the cluster's other name servers answer right now, as this one last found out: the
 * controller gives the peers service's comparisons ({@code namesrvPeers}).
 */
@FunctionalInterface
public interface PeerLiveness {

    /** {@code host:port} of each peer that answered its last check; a cached result, never a network call. */
    List<String> answering();
}
