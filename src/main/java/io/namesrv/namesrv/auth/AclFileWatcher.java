package io.namesrv.namesrv.auth;

import io.namesrv.common.LoggerNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the ACL file when its content changes, as Apache's ACL reloads its file: access keys can
 * be added, rotated and revoked without a restart. A file that does not parse (half written, a
 * typo) or cannot be read (an editor replacing it) changes nothing: the settings in force stay,
 * and the log says why, once per bad version. Run it periodically on one thread.
 */
public final class AclFileWatcher implements Runnable {

    /** How often the file is checked (Apache's ACL checks its file every 500 ms too). */
    public static final long CHECK_INTERVAL_MILLIS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.NAMESRV);

    private final Path file;
    private final RequestAuthenticator authenticator;
    /** Digest of the content last looked at, good or bad; null before the first look or while unreadable. */
    private byte[] lastDigest;
    private boolean unreadableReported;

    public AclFileWatcher(Path file, RequestAuthenticator authenticator) {
        this.file = file;
        this.authenticator = authenticator;
    }

    @Override
    public void run() {
        try {
            check();
        } catch (RuntimeException e) {
            // a periodic task that throws is never run again: log it and keep watching
            LOG.error("checking ACL file {} failed", file, e);
        }
    }

    private void check() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            if (!unreadableReported) {
                LOG.warn("ACL file {} cannot be read ({}); the authentication settings in force stay", file, e.toString());
                unreadableReported = true;
            }
            lastDigest = null; // whatever appears there next is looked at
            return;
        }
        unreadableReported = false;
        byte[] digest = sha256(content);
        if (Arrays.equals(digest, lastDigest)) {
            return;
        }
        lastDigest = digest;
        AclSettings next;
        try {
            next = AclSettings.parse(content, file.toString());
        } catch (IllegalArgumentException e) {
            LOG.error("ACL file changed but is not valid, the authentication settings in force stay: {}", e.getMessage());
            return;
        }
        if (!next.equals(authenticator.settings())) {
            authenticator.update(next);
            LOG.info("authentication settings reloaded from {}: {}", file, next);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
