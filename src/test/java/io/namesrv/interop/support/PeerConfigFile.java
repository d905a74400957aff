package io.namesrv.interop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a {@code key=value} file for {@code -c}; order is kept so the file reads as written. */
final class PeerConfigFile {

    private PeerConfigFile() {
    }

    static Path write(Path file, Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        // Paths go in verbatim: Apache reads these with java.util.Properties, so escape backslashes.
        entries.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
