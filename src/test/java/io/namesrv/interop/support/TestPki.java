package io.namesrv.interop.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PKI for TLS tests, made with the JDK's {@code keytool}: a CA, a server certificate
 * and a client certificate signed by it, and a "rogue" client certificate signed by a forged CA
 * that has the real CA's name but not its key. Every
 * certificate is a PEM file, every private key an unencrypted PKCS#8 PEM file, as Apache's
 * {@code tls.*Path} settings expect. EC keys keep generation fast.
 */
public final class TestPki {

    private static final String PASSWORD = "changeit";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;
    private static final String CA_DNAME = "CN=namesrv-test-ca";

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /**
     * Generates everything under {@code dir}: three rounds of keytool runs (keys, requests,
     * signatures), the runs of a round side by side, since each keytool is a JVM start.
     */
    public static TestPki create(Path dir) {
        TestPki pki = new TestPki(dir);
        parallel(List.of(
            () -> pki.keyPair("ca", CA_DNAME, "bc:c"),
            // Same name as the real CA, different key: the client then offers its certificate
            // (the server's CA list names this issuer) and the server must check the signature.
            () -> pki.keyPair("forgedca", CA_DNAME, "bc:c"),
            () -> pki.keyPair("server", "CN=localhost", null),
            () -> pki.keyPair("client", "CN=namesrv-test-client", null),
            () -> pki.keyPair("rogue", "CN=namesrv-test-rogue", null)));
        parallel(List.of(
            () -> pki.exportCert("ca", "ca.pem"),
            () -> pki.certRequest("server"),
            () -> pki.certRequest("client"),
            () -> pki.certRequest("rogue")));
        parallel(List.of(
            () -> pki.sign("ca", "server", "eku=serverAuth", "san=ip:127.0.0.1,dns:localhost"),
            () -> pki.sign("ca", "client", "eku=clientAuth", null),
            () -> pki.sign("forgedca", "rogue", "eku=clientAuth", null)));
        for (String alias : List.of("server", "client", "rogue")) {
            pki.exportKey(alias);
        }
        return pki;
    }

    public Path caCert() {
        return dir.resolve("ca.pem");
    }

    public Path serverCert() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    public Path clientCert() {
        return dir.resolve("client.pem");
    }

    public Path clientKey() {
        return dir.resolve("client.key");
    }

    /** A client certificate that names the trusted CA as issuer, but that CA never signed it. */
    public Path rogueCert() {
        return dir.resolve("rogue.pem");
    }

    public Path rogueKey() {
        return dir.resolve("rogue.key");
    }

    private void keyPair(String alias, String dname, String ext) {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
            "-groupname", "secp256r1", "-dname", dname, "-validity", "2", "-keystore", store(alias)));
        if (ext != null) {
            args.addAll(List.of("-ext", ext));
        }
        keytool(args);
    }

    private void certRequest(String alias) {
        keytool(List.of("-certreq", "-alias", alias, "-keystore", store(alias), "-file", alias + ".csr"));
    }

    private void sign(String caAlias, String alias, String eku, String san) {
        List<String> args = new ArrayList<>(List.of("-gencert", "-alias", caAlias, "-keystore", store(caAlias),
            "-infile", alias + ".csr", "-outfile", alias + ".pem", "-rfc", "-validity", "2", "-ext", eku));
        if (san != null) {
            args.addAll(List.of("-ext", san));
        }
        keytool(args);
    }

    private void exportCert(String alias, String file) {
        keytool(List.of("-exportcert", "-rfc", "-alias", alias, "-keystore", store(alias), "-file", file));
    }

    private static void parallel(List<Runnable> steps) {
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < steps.size(); i++) {
            Runnable step = steps.get(i);
            Thread t = new Thread(() -> {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }, "test-pki-keytool-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                // each keytool run is bounded by KEYTOOL_TIMEOUT_SECONDS, so this join ends
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while making test certificates", e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** keytool cannot export a private key; the keystore API can, as PKCS#8. */
    private void exportKey(String alias) {
        try (InputStream in = Files.newInputStream(dir.resolve(store(alias)))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            Key key = ks.getKey(alias, PASSWORD.toCharArray());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(dir.resolve(alias + ".key"), pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key of " + alias, e);
        }
    }

    private static String store(String alias) {
        return alias + ".p12";
    }

    private void keytool(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // keytool is a short-lived JVM: skip the optimizing compiler, start faster.
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-J-Xshare:auto"));
        command.addAll(args);
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        try {
            Files.createDirectories(dir);
            Path log = Files.createTempFile(dir, "keytool-", ".log");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool timed out: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed (" + p.exitValue() + "): " + command + "\n"
                    + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
