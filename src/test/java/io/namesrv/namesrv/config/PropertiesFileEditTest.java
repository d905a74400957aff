package io.namesrv.namesrv.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertiesFileEditTest {

    private static Map<String, String> changes(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void onlyTheChangedKeysLinesChange() {
        String text = "# header\n\na=1\nb : 2\n! bang comment\nc 3\n";
        assertEquals("# header\n\na=1\nb=20\n! bang comment\nc 3\n", PropertiesFileEdit.apply(text, changes("b", "20")));
    }

    @Test
    void everyOccurrenceOfAKeyGetsTheNewValue() {
        assertEquals("a=9\nx=1\na=9\n", PropertiesFileEdit.apply("a=1\nx=1\na=2\n", changes("a", "9")));
    }

    @Test
    void aContinuedValueIsReplacedWhole() {
        assertEquals("a=new\nz=1\n", PropertiesFileEdit.apply("a=first \\\n    second\nz=1\n", changes("a", "new")));
    }

    @Test
    void aNewKeyGoesAfterTheCommentThatDocumentsItElseAtTheEnd() {
        String text = "# Switch it\n#enableTopicList=true\nother=1";
        assertEquals("# Switch it\n#enableTopicList=true\nenableTopicList=false\nother=1\nnewKey=v\n",
            PropertiesFileEdit.apply(text, changes("enableTopicList", "false", "newKey", "v")));
    }

    @Test
    void windowsLineEndingsStay() {
        assertEquals("a=1\r\nb=2\r\nc=3\r\n", PropertiesFileEdit.apply("a=1\r\nb=0\r\n", changes("b", "2", "c", "3")));
    }

    @Test
    void specialCharactersAreEscapedAsPropertiesWritesThem() {
        assertEquals("path=C\\:\\\\x y\n", PropertiesFileEdit.apply("", changes("path", "C:\\x y")));
        assertEquals("", PropertiesFileEdit.apply("", changes()));
    }
}
