package io.namesrv.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Finds name-server addresses the way Apache's clients do: an explicit list, then
 * {@code -Drocketmq.namesrv.addr}, then {@code $NAMESRV_ADDR}, then the HTTP address server
 * ({@code rocketmq.namesrv.domain}, {@code rocketmq.namesrv.domain.subgroup}).
 */
public final class NameServerAddresses {

    private static final int HTTP_TIMEOUT_MILLIS = 3000;

    private final Properties systemProperties;
    private final Map<String, String> environment;

    public NameServerAddresses(Properties systemProperties, Map<String, String> environment) {
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /** Resolves from the process's own system properties and environment. */
    public static NameServerAddresses ofProcess() {
        return new NameServerAddresses(System.getProperties(), System.getenv());
    }

    /** Splits {@code a:1;b:2} into its non-blank parts. */
    public static List<String> split(String list) {
        List<String> addrs = new ArrayList<>();
        if (list != null) {
            for (String part : list.split(";")) {
                if (!part.isBlank()) {
                    addrs.add(part.trim());
                }
            }
        }
        return addrs;
    }

    /** The port of {@code host:port} (IPv6 hosts in brackets), or -1 when the text is not that. */
    public static int portOf(String addr) {
        int colon = addr.lastIndexOf(':');
        if (colon <= 0) {
            return -1;
        }
        try {
            int port = Integer.parseInt(addr.substring(colon + 1));
            return port >= 1 && port <= 65_535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The addresses to use: {@code explicit} if given, else the property, the environment, and
     * last the address server (queried for {@code unitName} when not null).
     */
    public List<String> resolve(String explicit, String unitName) throws IOException {
        for (String candidate : new String[] {explicit, systemProperties.getProperty("rocketmq.namesrv.addr"),
            environment.get("NAMESRV_ADDR")}) {
            List<String> addrs = split(candidate);
            if (!addrs.isEmpty()) {
                return addrs;
            }
        }
        return split(fetchFromAddressServer(unitName));
    }

    /** The address server URL, as Apache builds it. */
    public String addressServerUrl(String unitName) {
        String domain = systemProperties.getProperty("rocketmq.namesrv.domain", "jmenv.tbsite.net");
        String subgroup = systemProperties.getProperty("rocketmq.namesrv.domain.subgroup", "nsaddr");
        String url = "http://" + domain + (domain.contains(":") ? "" : ":8080") + "/rocketmq/" + subgroup;
        if (unitName != null && !unitName.isBlank()) {
            url += "-" + unitName + "?nofix=1";
        }
        return url;
    }

    private String fetchFromAddressServer(String unitName) throws IOException {
        String url = addressServerUrl(unitName);
        HttpURLConnection conn = (HttpURLConnection) URI.create(url).toURL().openConnection();
        conn.setConnectTimeout(HTTP_TIMEOUT_MILLIS);
        conn.setReadTimeout(HTTP_TIMEOUT_MILLIS);
        try {
            if (conn.getResponseCode() != 200) {
                throw new IOException("address server " + url + " answered HTTP " + conn.getResponseCode());
            }
            try (InputStream in = conn.getInputStream()) {
                String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                int eol = text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.indexOf('\r');
                return (eol >= 0 ? text.substring(0, eol) : text).trim();
            }
        } finally {
            conn.disconnect();
        }
    }
}
