package dev.berth.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The keys that sign tokens: EC P-256 JSON Web Keys, one file each under {@code <data-dir>/keys/token-signing/}
 * (mode 0600), named so that the newest sorts last. The newest signs; all verify, so rotating (adding a key) does
 * not invalidate tokens already issued. Created on first start.
 */
public final class SigningKeys {
    private final List<ECKey> keys;

    private SigningKeys(List<ECKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** Loads the keys in the directory, creating the first one if there is none. */
    public static SigningKeys loadOrCreate(Path dir, Clock clock) throws IOException {
        Files.createDirectories(dir);
        List<ECKey> keys = load(dir);
        if (keys.isEmpty()) {
            rotate(dir, clock);
            keys = load(dir);
        }
        return new SigningKeys(keys);
    }

    /** Adds a new key, which signs from the next start on. */
    public static void rotate(Path dir, Clock clock) throws IOException {
        String id = String.format("%013d-%04x", clock.millis(), new java.security.SecureRandom().nextInt(1 << 16));
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IOException("cannot generate a signing key", e);
        }
        Path file = dir.resolve(id + ".jwk");
        Path partial = dir.resolve(id + ".jwk.partial");
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    ECKey signing() {
        return keys.getLast();
    }

    Optional<ECKey> byId(String keyId) {
        return keys.stream().filter(k -> k.getKeyID().equals(keyId)).findFirst();
    }

    /** The public halves, as a JWKS document. */
    String publicJwks() {
        return new JWKSet(new ArrayList<>(keys.stream().map(ECKey::toPublicJWK).toList())).toString(true);
    }

    private static List<ECKey> load(Path dir) throws IOException {
        List<ECKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jwk"))
                    .sorted(Comparator.naturalOrder())
                    .toList()) {
                try {
                    keys.add(ECKey.parse(Files.readString(file)));
                } catch (ParseException e) {
                    throw new IOException("unreadable signing key " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return keys;
    }
}
