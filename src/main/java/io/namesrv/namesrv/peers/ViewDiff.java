package io.namesrv.namesrv.peers;

import io.namesrv.protocol.BrokerMember;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How this server's direct view differs from a peer's: brokers registered there and not here,
 * here and not there, and (when both tell data versions) registered on both with different
 * versions, i.e. one of them missed the broker's latest registration.
 */
record ViewDiff(Set<BrokerMember> missingHere, Set<BrokerMember> missingThere, Set<BrokerMember> versionDiffers) {

    /** The kinds of difference, as metric labels and /status keys. */
    enum Kind {
        MISSING_HERE("missing_here", "known there but not here"),
        MISSING_THERE("missing_there", "known here but not there"),
        VERSION_DIFFERS("version_differs", "registered on both with different data versions");

        final String label;
        final String words;

        Kind(String label, String words) {
            this.label = label;
            this.words = words;
        }
    }

    static ViewDiff between(PeerView here, PeerView there) {
        Set<BrokerMember> missingHere = new TreeSet<>(there.members());
        missingHere.removeAll(here.members());
        Set<BrokerMember> missingThere = new TreeSet<>(here.members());
        missingThere.removeAll(there.members());
        Set<BrokerMember> versionDiffers = new TreeSet<>();
        if (here.versionsKnown() && there.versionsKnown()) {
            for (BrokerMember m : here.members()) {
                PeerView.Liveness ours = here.livenessOf(m);
                PeerView.Liveness theirs = there.members().contains(m) ? there.livenessOf(m) : null;
                if (ours != null && theirs != null && !Objects.equals(ours.dataVersion(), theirs.dataVersion())) {
                    versionDiffers.add(m);
                }
            }
        }
        return new ViewDiff(missingHere, missingThere, versionDiffers);
    }

    Set<BrokerMember> of(Kind kind) {
        return switch (kind) {
            case MISSING_HERE -> missingHere;
            case MISSING_THERE -> missingThere;
            case VERSION_DIFFERS -> versionDiffers;
        };
    }
}
