package io.namesrv.namesrv.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The vendored chart library is the one its README records (version, licence, bytes), and it is served. */
class VendoredUPlotTest {

    private static byte[] vendored(String name) throws IOException {
        try (InputStream in = OpsEndpoints.class.getResourceAsStream("vendor/" + name)) {
            if (in == null) {
                throw new AssertionError("vendor/" + name + " missing");
            }
            return in.readAllBytes();
        }
    }

    @Test
    void filesMatchTheHashesVersionAndLicenceTheReadmeRecords() throws Exception {
        String readme = new String(vendored("README.md"), StandardCharsets.UTF_8);
        Matcher version = Pattern.compile("\\| Version \\| (\\S+) \\|").matcher(readme);
        assertTrue(version.find(), readme);
        String js = new String(vendored("uPlot.iife.min.js"), StandardCharsets.UTF_8);
        assertTrue(js.startsWith("/*! https://github.com/leeoniya/uPlot (v" + version.group(1) + ")"), js.substring(0, 80));
        assertTrue(new String(vendored("uPlot.LICENSE"), StandardCharsets.UTF_8).startsWith("The MIT License (MIT)"));
        for (String name : List.of("uPlot.iife.min.js", "uPlot.min.css", "uPlot.LICENSE")) {
            Matcher line = Pattern.compile("([0-9a-f]{64})  " + Pattern.quote(name)).matcher(readme);
            assertTrue(line.find(), name + " has no recorded hash");
            assertEquals(line.group(1), sha256(vendored(name)), name);
        }
    }

    @Test
    void thePageLoadsItFromTheServerItself() throws Exception {
        String page = new String(vendored("../status.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("<script src=\"/static/uPlot.iife.min.js\" defer></script>"), page);
        assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/static/uPlot.min.css\">"), page);
        assertTrue(!page.contains("http://") && !page.contains("https://"), "no CDN, nothing from elsewhere");
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
