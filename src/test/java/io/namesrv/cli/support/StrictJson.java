package io.namesrv.cli.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Checks that text is JSON by the standard (what jq and every other tool expect): Jackson's
 * parser in its default, strict mode. fastjson2 would also accept unquoted keys and single quotes.
 */
public final class StrictJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private StrictJson() {
    }

    /** Returns {@code text} if it is exactly one JSON value (whitespace around it allowed); throws otherwise. */
    public static String valid(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new AssertionError("no JSON at all: '" + text + "'");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new AssertionError("more than one JSON value: " + text);
            }
            return text;
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + e.getMessage() + "):\n" + text, e);
        }
    }
}
