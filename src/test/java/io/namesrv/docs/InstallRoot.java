package io.namesrv.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A temporary directory standing for the machine's "/": the absolute paths of a documented file or
 * command (/opt, /etc, /var, /home) are re-rooted into it, so the test runs them as written without
 * root and without touching the real ones.
 */
final class InstallRoot {

    /** An absolute path under one of the re-rooted top directories, at the start or after = : or a space. */
    private static final Pattern ABSOLUTE = Pattern.compile("(^|[\\s=:\"])/(opt|etc|var|home)(?=/|$|[\\s\"])");

    private final Path root;

    InstallRoot(Path root) {
        this.root = root;
    }

    /** {@code text} with every re-rooted absolute path moved under this root. */
    String reroot(String text) {
        Matcher m = ABSOLUTE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + root + "/" + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The re-rooted place of an absolute path such as {@code /opt/namesrv}. */
    Path path(String absolute) {
        if (!absolute.startsWith("/")) {
            throw new IllegalArgumentException("not absolute: " + absolute);
        }
        return Path.of(reroot(absolute));
    }

    Path root() {
        return root;
    }

    /** Every regular file under {@code dir}, relative to it, sorted: two layouts compare by this. */
    static java.util.List<String> files(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
