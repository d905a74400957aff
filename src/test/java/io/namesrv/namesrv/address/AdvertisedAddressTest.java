package io.namesrv.namesrv.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What this name server calls itself: never 0.0.0.0, whatever it listens on. */
class AdvertisedAddressTest {

    private static List<InetAddress> addresses(String... literals) throws UnknownHostException {
        List<InetAddress> list = new ArrayList<>();
        for (String literal : literals) {
            list.add(InetAddress.getByName(literal));
        }
        return list;
    }

    @Test
    void theConfiguredAddressWinsWithTheListenPortUnlessItNamesAPort() throws Exception {
        List<InetAddress> local = addresses("10.0.0.5");
        assertEquals(new AdvertisedAddress("ns1.example.com:9876", "advertisedAddress"),
            AdvertisedAddress.resolve("ns1.example.com", null, "0.0.0.0", 9876, local));
        // NAT: the outside port differs from the one listened on
        assertEquals("203.0.113.7:19876", AdvertisedAddress.resolve(" 203.0.113.7:19876 ", null, "127.0.0.1", 9876, local).address());
        assertEquals("[2001:db8::1]:9876", AdvertisedAddress.resolve("2001:db8::1", null, "0.0.0.0", 9876, local).address());
        assertEquals("[2001:db8::1]:10000", AdvertisedAddress.resolve("[2001:db8::1]:10000", null, "0.0.0.0", 9876, local).address());
    }

    /** Every server given the same namesrvPeers: each lists itself by the name the others list it by. */
    @Test
    void itsOwnEntryInNamesrvPeersComesAfterTheConfiguredAddress() throws Exception {
        List<InetAddress> local = addresses("10.0.0.5");
        assertEquals(new AdvertisedAddress("ns1.example.com:9876", "its own entry in namesrvPeers"),
            AdvertisedAddress.resolve("", "ns1.example.com:9876", "10.0.0.5", 9876, local));
        assertEquals("203.0.113.7:19876",
            AdvertisedAddress.resolve("203.0.113.7:19876", "ns1.example.com:9876", "0.0.0.0", 9876, local).address());
        assertEquals(new AdvertisedAddress("10.0.0.5:9876", "the first site-local address"),
            AdvertisedAddress.resolve("", "0.0.0.0:9876", "0.0.0.0", 9876, local), "a wildcard entry is no name");
    }

    @Test
    void aSpecificBindAddressIsAdvertisedAsItIs() throws Exception {
        assertEquals(new AdvertisedAddress("192.168.1.20:9876", "bindAddress"),
            AdvertisedAddress.resolve("", null, "192.168.1.20", 9876, addresses("10.0.0.5")));
        assertEquals("127.0.0.1:4000", AdvertisedAddress.resolve(null, null, "127.0.0.1", 4000, List.of()).address());
    }

    @Test
    void onTheWildcardTheFirstSiteLocalAddressIsAdvertised() throws Exception {
        // loopback and link-local come first on most machines; a public address before the LAN one
        List<InetAddress> local = addresses("127.0.0.1", "::1", "169.254.10.1", "fe80::1", "198.51.100.9",
            "172.17.0.3", "10.1.2.3");
        for (String wildcard : new String[] {"0.0.0.0", "::", "", null}) {
            AdvertisedAddress a = AdvertisedAddress.resolve("", null, wildcard, 9876, local);
            assertEquals("172.17.0.3:9876", a.address(), "bindAddress " + wildcard);
            assertEquals("the first site-local address", a.source());
        }
    }

    @Test
    void withoutASiteLocalAddressANonLoopbackOneThenAGlobalIpv6ThenLoopback() throws Exception {
        assertEquals("198.51.100.9:9876",
            AdvertisedAddress.resolve("", null, "0.0.0.0", 9876, addresses("127.0.0.1", "2001:db8::5", "198.51.100.9")).address());
        AdvertisedAddress v6 = AdvertisedAddress.resolve("", null, "0.0.0.0", 9876,
            addresses("127.0.0.1", "fe80::1", "2001:db8::5"));
        assertEquals("[2001:db8:0:0:0:0:0:5]:9876", v6.address());
        AdvertisedAddress loopback = AdvertisedAddress.resolve("", null, "0.0.0.0", 9876, addresses("127.0.0.1", "::1"));
        assertEquals("127.0.0.1:9876", loopback.address());
        assertTrue(loopback.source().contains("set advertisedAddress"), loopback.source());
    }

    @Test
    void thisMachinesAddressesNeverHoldTheWildcard() {
        AdvertisedAddress mine = AdvertisedAddress.resolve("", null, "0.0.0.0", 9876, AdvertisedAddress.localAddresses());
        assertTrue(!mine.address().startsWith("0.0.0.0") && !mine.address().contains("%"), mine.toString());
    }

    @Test
    void aValueThatCannotBeHostOrHostPortIsRefused() {
        AddressServiceConfig config = new AddressServiceConfig();
        for (String bad : new String[] {"a:1;b:2", "a b", "host:port", "host:0", "host:70000", "http://host:1", "0.0.0.0",
            "0.0.0.0:9876", "[::]:9876"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config.setAdvertisedAddress(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        config.setAdvertisedAddress("  ");
        assertEquals("", config.getAdvertisedAddress());
    }

    @Test
    void subgroupsAreNamesForAUrlPath() {
        AddressServiceConfig config = new AddressServiceConfig();
        assertEquals(List.of("nsaddr"), new ArrayList<>(config.subgroups()));
        config.setAddressServiceSubgroups(" nsaddr , nsaddr-unitA,prod_2 ,nsaddr");
        assertEquals(List.of("nsaddr", "nsaddr-unitA", "prod_2"), new ArrayList<>(config.subgroups()));
        assertThrows(IllegalArgumentException.class, () -> config.setAddressServiceSubgroups("a/b"));
        assertThrows(IllegalArgumentException.class, () -> config.setAddressServiceSubgroups("a?b"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
            () -> config.setAddressServiceSubgroups(" , "));
        assertTrue(none.getMessage().contains("addressServiceEnable=false"), none.getMessage());
    }
}
