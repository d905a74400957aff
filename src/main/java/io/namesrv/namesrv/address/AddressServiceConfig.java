package io.namesrv.namesrv.address;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Ours, not Apache's: the address service's settings, bound from the {@code -c} file like the
 * other config beans and read once at start.
 */
public class AddressServiceConfig {

    /** Apache's client default for {@code rocketmq.namesrv.domain.subgroup}. */
    public static final String DEFAULT_SUBGROUP = "nsaddr";

    private boolean addressServiceEnable = true;
    private String addressServiceSubgroups = DEFAULT_SUBGROUP;
    /** Empty: derived from bindAddress, or this machine's first site-local address (see AdvertisedAddress). */
    private String advertisedAddress = "";

    public boolean isAddressServiceEnable() {
        return addressServiceEnable;
    }

    /** Serve {@code /rocketmq/<subgroup>} on the operations HTTP endpoint (which must be on too). */
    public void setAddressServiceEnable(boolean addressServiceEnable) {
        this.addressServiceEnable = addressServiceEnable;
    }

    public String getAddressServiceSubgroups() {
        return addressServiceSubgroups;
    }

    /**
     * The names served under {@code /rocketmq/}, comma separated: the clients'
     * {@code rocketmq.namesrv.domain.subgroup} values (a client with a {@code unitName} asks for
     * {@code <subgroup>-<unitName>}).
     */
    public void setAddressServiceSubgroups(String addressServiceSubgroups) {
        parseSubgroups(addressServiceSubgroups);
        this.addressServiceSubgroups = addressServiceSubgroups.trim();
    }

    /** The subgroup names, in the order given, without duplicates. */
    public Set<String> subgroups() {
        return parseSubgroups(addressServiceSubgroups);
    }

    private static Set<String> parseSubgroups(String list) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : (list == null ? "" : list).split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                    throw new IllegalArgumentException("subgroup '" + name + "' may hold only letters, digits, '-', '_'"
                        + " and '.'");
                }
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("name at least one subgroup (Apache's clients ask for '"
                + DEFAULT_SUBGROUP + "'), or set addressServiceEnable=false");
        }
        return names;
    }

    public String getAdvertisedAddress() {
        return advertisedAddress;
    }

    /**
     * {@code host} or {@code host:port}: how clients and brokers reach this name server's remoting
     * port when the address it listens on is not one they can use (0.0.0.0, NAT, containers).
     */
    public void setAdvertisedAddress(String advertisedAddress) {
        String value = advertisedAddress == null ? "" : advertisedAddress.trim();
        if (!value.isEmpty()) {
            AdvertisedAddress.check(value);
        }
        this.advertisedAddress = value;
    }
}
