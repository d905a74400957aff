package io.namesrv.namesrv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A jar overwritten in place under a running JVM, as an in-place build or a {@code cp} of a new
 * distribution over an installed one does: same file, same inode, every entry moved.
 */
public final class InPlaceJarRewrite {

    private InPlaceJarRewrite() {
    }

    /**
     * Writes the same classes back into the same file, in reverse order with a filler first, so
     * every entry moves and the running JVM's index of the jar points at the wrong bytes.
     */
    public static void rewrite(Path jar) throws IOException {
        List<JarEntry> entries = new ArrayList<>();
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        try (JarFile in = new JarFile(jar.toFile()); JarOutputStream out = new JarOutputStream(rewritten)) {
            try (Stream<JarEntry> all = in.stream()) {
                all.forEach(entries::add);
            }
            Collections.reverse(entries);
            out.putNextEntry(new JarEntry("filler.txt"));
            out.write(new byte[4096]);
            out.closeEntry();
            for (JarEntry e : entries) {
                out.putNextEntry(new JarEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.write(jar, rewritten.toByteArray(), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
