package io.namesrv.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks of a Markdown file, so a test runs what the page shows, not a copy of it. */
final class MarkdownBlocks {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```([a-z]*)\\n(.*?)^```\\s*$");

    private MarkdownBlocks() {
    }

    /** The text of the docs file, relative to the project's base directory. */
    static String read(Path basedir, String file) {
        try {
            return Files.readString(basedir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every block fenced as {@code ```<language>}, in order. */
    static List<String> all(String markdown, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(markdown);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                blocks.add(m.group(2));
            }
        }
        return blocks;
    }

    /** The one block of {@code language} under the heading {@code ## <section>}; fails if there is not exactly one. */
    static String single(String markdown, String section, String language) {
        List<String> blocks = all(section(markdown, section), language);
        if (blocks.size() != 1) {
            throw new AssertionError("expected one ```" + language + " block under \"## " + section + "\", found "
                + blocks.size());
        }
        return blocks.get(0);
    }

    /** The text under {@code ## <title>} up to the next heading of the same level. */
    static String section(String markdown, String title) {
        Matcher m = Pattern.compile("(?ms)^## " + Pattern.quote(title) + "\\s*$(.*?)(?=^## |\\z)").matcher(markdown);
        if (!m.find()) {
            throw new AssertionError("no section \"## " + title + "\"");
        }
        return m.group(1);
    }
}
