package io.namesrv.interop.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PeerJvmOptionsTest {

    /** The pom gives these to the test JVM, the harness to child JVMs: the two lists must not drift. */
    @Test
    void matchesThePomProperty() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<peer\\.jvm\\.opens>(.*?)</peer\\.jvm\\.opens>", Pattern.DOTALL).matcher(pom);
        assertEquals(true, m.find(), "pom.xml defines peer.jvm.opens");
        assertEquals(Arrays.asList(m.group(1).trim().split("\\s+")), PeerJvmOptions.OPENS);
    }
}
