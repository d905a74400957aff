package io.namesrv.remoting.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shared token primitives: what each reads, where it leaves the position, and what it declines. */
class JsonByteCursorTest {

    private static JsonByteCursor cursor(String json) {
        return new JsonByteCursor(json.getBytes(StandardCharsets.UTF_8), true);
    }

    private static JsonByteCursor lenient(byte[] json) {
        return new JsonByteCursor(json, false);
    }

    @Test
    void skipsOnlyJsonWhitespace() {
        JsonByteCursor c = cursor(" \t\r\n\fx");
        c.skipWhitespace();
        assertEquals(4, c.pos(), "form feed is not JSON whitespace");
        JsonByteCursor end = cursor("  ");
        end.skipWhitespace();
        assertTrue(end.atEnd());
    }

    @Test
    void peekNextAndExpect() {
        JsonByteCursor c = cursor("ab");
        assertEquals('a', c.peek());
        assertEquals('a', c.next());
        c.expect('b');
        assertTrue(c.atEnd());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("x").expect('y'));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> cursor("").next());
    }

    @Test
    void declineIsOneStacklessSignal() {
        assertSame(JsonByteCursor.decline(), JsonByteCursor.decline());
        assertEquals(0, JsonByteCursor.decline().getStackTrace().length);
        assertEquals(3, JsonByteCursor.once(1, 2));
        assertThrows(JsonByteCursor.Decline.class, () -> JsonByteCursor.once(3, 2));
    }

    @Test
    void skipAndIsCompareBytes() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        JsonByteCursor c = cursor("abcd");
        assertTrue(c.is(abc, 0, 3));
        assertFalse(c.is(abc, 0, 4), "a longer name is another name");
        assertFalse(c.is(abc, 1, 3));
        assertTrue(c.skip(abc));
        assertEquals(3, c.pos());
        assertFalse(c.skip(abc), "past the end is no match");
        assertEquals(3, c.pos());
    }

    @Test
    void wordLeavesWhatFollowsToTheCaller() {
        JsonByteCursor c = cursor("nullx");
        c.word("null");
        assertEquals(4, c.pos());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("nul1").word("null"));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> cursor("nu").word("null"));
    }

    @Test
    void walksObjectMembers() {
        JsonByteCursor c = cursor("{ \"ab\" : 1 , \"c\":2 }");
        assertTrue(c.startObject());
        int start = c.fieldName();
        assertEquals(3, start);
        assertEquals(2, c.pos() - start - 1);
        c.colon();
        assertEquals(1, c.integer(10));
        assertTrue(c.nextMember());
        int second = c.fieldName();
        assertEquals(1, c.pos() - second - 1);
        c.colon();
        assertEquals(2, c.integer(10));
        assertFalse(c.nextMember());
        assertTrue(c.atEnd());

        JsonByteCursor empty = cursor("{ }");
        assertFalse(empty.startObject());
        assertTrue(empty.atEnd());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("[").startObject());
        JsonByteCursor bad = cursor(" ;");
        assertThrows(JsonByteCursor.Decline.class, bad::nextMember);
        assertThrows(JsonByteCursor.Decline.class, () -> cursor(" =").colon());
    }

    @Test
    void fieldNamesAreQuotedPlainAscii() {
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("abc").fieldName());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("\"a\\u0062\"").fieldName());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("\"\u00e9\"").fieldName());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("\"a\tb\"").fieldName());
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> cursor("\"ab").fieldName());
    }

    @Test
    void integersAreStrict() {
        assertEquals(-42, cursor("-42,").integer(10));
        assertEquals(0, cursor("0}").integer(10));
        assertEquals(1234567890, cursor("1234567890").integer(10));
        assertEquals(Long.MAX_VALUE, cursor("9223372036854775807 ").integer(19));
        assertEquals(Long.MIN_VALUE, cursor("-9223372036854775808 ").integer(19));
        JsonByteCursor c = cursor("12.5");
        assertEquals(12, c.integer(10));
        assertEquals(2, c.pos(), "a fraction is left for the caller to refuse");
        for (String bad : new String[] {"-", "x", "01", "-01", "12345678901"}) {
            assertThrows(JsonByteCursor.Decline.class, () -> cursor(bad).integer(10), bad);
        }
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("9223372036854775808 ").integer(19));
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("-9223372036854775809 ").integer(19));
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("12345678901234567890 ").integer(19));
    }

    @Test
    void readsStringsAndTheirRawBounds() {
        JsonByteCursor c = cursor("\"abc\",");
        assertEquals("abc", c.string());
        assertEquals(1, c.rawStart());
        assertEquals(4, c.rawEnd());
        assertEquals(5, c.pos());
        JsonByteCursor escaped = cursor("\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00E9z\"");
        assertEquals("a\"\\/\b\f\n\r\t\u00e9z", escaped.string());
        assertEquals(1, escaped.rawStart());
        assertEquals(escaped.pos() - 1, escaped.rawEnd());
        assertEquals("h\u00e9llo \u4e16", cursor("\"h\u00e9llo \u4e16\"").string());
    }

    @Test
    void stringsDeclineWhatFastjsonMayReadDifferently() {
        for (String bad : new String[] {"x", "\"a\\x\"", "\"\\u12G4\"", "\"a\nb\"", "\"\u00e9\\n\"", "\"\\n\u00e9\""}) {
            assertThrows(JsonByteCursor.Decline.class, () -> cursor(bad).string(), bad);
        }
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> cursor("\"abc").string());
    }

    @Test
    void malformedUtf8DeclinesOnlyWhenStrict() {
        byte[] malformed = {'"', 'a', (byte) 0xC3, '"'};
        assertThrows(JsonByteCursor.Decline.class, () -> new JsonByteCursor(malformed, true).string());
        assertEquals("a\uFFFD", lenient(malformed).string());
        byte[] replacement = "\"\uFFFD\"".getBytes(StandardCharsets.UTF_8);
        assertThrows(JsonByteCursor.Decline.class, () -> new JsonByteCursor(replacement, true).string());
        assertEquals("\uFFFD", new JsonByteCursor("\"\\uFFFD\"".getBytes(StandardCharsets.US_ASCII), true).string(),
            "an escaped U+FFFD is well-formed input");
    }

    @Test
    void membersArePickedByNameOrToldUnknown() {
        byte[][] names = {JsonByteCursor.ascii("perm"), JsonByteCursor.ascii("order")};
        JsonByteCursor c = cursor("{\"order\" : true, \"other\":1}");
        assertTrue(c.startObject());
        assertEquals(1, c.member(names));
        assertTrue(c.booleanValue());
        assertTrue(c.nextMember());
        assertEquals(-1, c.member(names), "an unknown name is the caller's to skip");
        assertEquals(1, c.intValue());
        assertFalse(c.nextMember());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("\"other\":1").knownMember(names));
    }

    @Test
    void valuesMustEndAtWhitespaceOrASeparator() {
        for (String ok : new String[] {"7,", "7}", "7]", "7 ", "7\n", "7:"}) {
            assertEquals(7, cursor(ok).intValue(), ok);
        }
        for (String bad : new String[] {"7.5,", "7e2,", "7L,", "7x,", "07,"}) {
            assertThrows(JsonByteCursor.Decline.class, () -> cursor(bad).longValue(), bad);
        }
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> cursor("7").intValue(), "the end of input is no separator");
        assertEquals(9007199254740993L, cursor("9007199254740993}").longValue());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("2147483648,").intValue());
        assertEquals(Integer.MIN_VALUE, cursor("-2147483648,").intValue());
    }

    @Test
    void literalsAndNullableValues() {
        JsonByteCursor c = cursor("null,");
        assertTrue(c.nullLiteral());
        assertEquals(4, c.pos());
        JsonByteCursor notNull = cursor("\"x\",");
        assertFalse(notNull.nullLiteral());
        assertEquals(0, notNull.pos(), "a value that is not null is left where it was");
        assertEquals("x", notNull.nullableString());
        assertEquals(null, cursor("null}").nullableString());
        assertFalse(cursor("false}").booleanValue());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("nullx,").nullLiteral());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("truth,").booleanValue());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("1,").nullableString());
    }

    @Test
    void stringLists() {
        assertEquals(java.util.List.of("a", "b"), cursor("[ \"a\" , \"b\" ]").stringList());
        assertEquals(java.util.List.of(), cursor("[]").stringList());
        assertEquals(null, cursor("null}").stringList());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("[1]").stringList());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("[\"a\"}").stringList());
        assertThrows(JsonByteCursor.Decline.class, () -> cursor("{}").stringList());
    }
}
