package io.namesrv.namesrv.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads the {@code -c} file and binds it to the config beans, refusing what Apache would let
 * through in silence (it ignores unknown keys and values that do not parse, and reads any file,
 * even random bytes, as "OK"): a file that is not text, a key no bean or Apache accepts (with the
 * nearest known key, for a typo), a value that does not parse or that its setter refuses. The
 * known keys are the beans' setters plus {@link AcceptedApacheKeys}, so a bean added to the list
 * brings its keys along. Every problem is reported in one line.
 */
public final class StrictConfig {

    /** A typo is at most this many edits away from the key meant. */
    private static final int MAX_TYPO_DISTANCE = 3;

    private final List<Object> beans;
    private final Set<String> known;

    public StrictConfig(List<?> beans) {
        this.beans = List.copyOf(beans);
        Set<String> keys = new TreeSet<>(AcceptedApacheKeys.all());
        for (Object bean : beans) {
            keys.addAll(BeanProperties.setters(bean.getClass()).keySet());
        }
        this.known = keys;
    }

    /** Every key the {@code -c} file may hold. */
    public Set<String> knownKeys() {
        return known;
    }

    /** Reads {@code file} as properties text (UTF-8; no binary data), without binding anything. */
    public static Properties read(Path file) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + " is not a properties file: it is not UTF-8 text");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f) {
                throw new ConfigException(file + " is not a properties file: it holds binary data (character 0x"
                    + Integer.toHexString(c) + " on line " + (text.substring(0, i).chars().filter(ch -> ch == '\n').count() + 1) + ")");
            }
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IllegalArgumentException | IOException e) {
            // a malformed \\uXXXX escape; reading from a string has no other way to fail
            throw new ConfigException(file + " is not a properties file: " + e.getMessage());
        }
        return properties;
    }

    /** Binds {@code properties} to every bean, or refuses the whole file in one line. */
    public void bind(Properties properties, String source) throws ConfigException {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (!known.contains(key)) {
                String near = nearest(key);
                problems.add("unknown key '" + key + "'" + (near == null ? "" : " (did you mean '" + near + "'?)"));
            }
        }
        // Bound even when a key is unknown, so every value's problem is found too (a refused
        // file stops the start: what was bound by then is never used).
        for (Object bean : beans) {
            for (ConfigProblem p : ConfigBinder.bind(properties, bean)) {
                problems.add(p.key() + "=" + p.value().trim() + ": " + p.reason());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source + ": " + problems.get(0)
                + (problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more: "
                + String.join("; ", problems.subList(1, problems.size())) + ")"));
        }
    }

    /** The known key closest to {@code key} within a few edits (case ignored), or null. */
    String nearest(String key) {
        LevenshteinDistance distance = new LevenshteinDistance(MAX_TYPO_DISTANCE);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance.apply(key.toLowerCase(), candidate.toLowerCase());
            if (d >= 0 && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }
}
