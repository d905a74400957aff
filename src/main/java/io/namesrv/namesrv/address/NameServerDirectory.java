package io.namesrv.namesrv.address;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The address service's answer: the remoting addresses of the name servers that answer right
 * now, this one (while it serves: not once it is shutting down or DOWN) and its answering peers,
 * in Apache's format, {@code host:port;host:port} on one line. Sorted, so that every name server
 * of the cluster gives the same text and a client switching between them sees no change.
 */
public final class NameServerDirectory {

    private final Set<String> subgroups;
    private final BooleanSupplier selfAnswers;
    private final PeerLiveness peers;
    /** Null until the remoting port is bound (its port may be chosen then). */
    private volatile AdvertisedAddress self;

    /**
     * @param subgroups   the names served under {@code /rocketmq/}
     * @param selfAnswers whether this server takes requests (listening, not stopping, not DOWN)
     * @param peers       the cluster's other name servers that answer
     */
    public NameServerDirectory(Set<String> subgroups, BooleanSupplier selfAnswers, PeerLiveness peers) {
        this.subgroups = Set.copyOf(subgroups);
        this.selfAnswers = selfAnswers;
        this.peers = peers;
    }

    /** What this server gives out as its own address, once its port is bound. */
    public void advertise(AdvertisedAddress address) {
        this.self = address;
    }

    public AdvertisedAddress advertised() {
        return self;
    }

    /** Whether {@code /rocketmq/<subgroup>} is served. */
    public boolean serves(String subgroup) {
        return subgroups.contains(subgroup);
    }

    /** The names served, sorted (for the log). */
    public List<String> subgroups() {
        return new ArrayList<>(new TreeSet<>(subgroups));
    }

    /** The name servers that answer now; empty when none does (not even this one). */
    public List<String> answering() {
        Set<String> addresses = new TreeSet<>(peers.answering());
        AdvertisedAddress me = self;
        if (me != null && selfAnswers.getAsBoolean()) {
            addresses.add(me.address());
        }
        return new ArrayList<>(addresses);
    }

    /** The answer's text: {@code host:port;host:port}, no line break (some clients do not strip one). */
    public String text() {
        return String.join(";", answering());
    }
}
