package dev.berth.core.oci;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest as the OCI image spec defines it: {@code algorithm ":" encoded}. Only the registered algorithms
 * sha256 and sha512 are accepted, with their exact lower-case hex lengths.
 */
public record Digest(Algorithm algorithm, String hex) implements Comparable<Digest> {
    private static final Pattern GRAMMAR = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");

    /** The digest algorithms Berth computes and verifies. */
    public enum Algorithm {
        SHA256("sha256", "SHA-256", 64),
        SHA512("sha512", "SHA-512", 128);

        private final String prefix;
        private final String jcaName;
        private final int hexLength;

        Algorithm(String prefix, String jcaName, int hexLength) {
            this.prefix = prefix;
            this.jcaName = jcaName;
            this.hexLength = hexLength;
        }

        public String prefix() {
            return prefix;
        }

        /** A fresh hasher for this algorithm. */
        public MessageDigest newHasher() {
            try {
                return MessageDigest.getInstance(jcaName);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("JDK lacks " + jcaName, e);
            }
        }

        static Algorithm byPrefix(String prefix) {
            for (Algorithm a : values()) {
                if (a.prefix.equals(prefix)) {
                    return a;
                }
            }
            return null;
        }
    }

    public Digest {
        if (algorithm == null || hex == null || hex.length() != algorithm.hexLength || !isLowerHex(hex)) {
            throw invalid(algorithm == null ? String.valueOf(hex) : algorithm.prefix + ":" + hex);
        }
    }

    /** Parses a digest string, throwing {@link ErrorCode#DIGEST_INVALID} when it is not one Berth accepts. */
    public static Digest parse(String text) {
        if (text == null || text.length() > 200 || !GRAMMAR.matcher(text).matches()) {
            throw invalid(text);
        }
        int colon = text.indexOf(':');
        Algorithm algorithm = Algorithm.byPrefix(text.substring(0, colon));
        if (algorithm == null) {
            throw new RegistryException(
                    ErrorCode.DIGEST_INVALID, "unsupported digest algorithm: " + text.substring(0, colon));
        }
        return new Digest(algorithm, text.substring(colon + 1));
    }

    /** True when the text has the shape of a digest (an algorithm, a colon, an encoding), valid or not. */
    public static boolean looksLikeDigest(String text) {
        return text != null && text.indexOf(':') > 0;
    }

    /** The sha256 digest of the given bytes. */
    public static Digest sha256(byte[] content) {
        return of(Algorithm.SHA256, content);
    }

    public static Digest of(Algorithm algorithm, byte[] content) {
        return new Digest(
                algorithm, HexFormat.of().formatHex(algorithm.newHasher().digest(content)));
    }

    /** The digest a finished hasher of the given algorithm produced. */
    public static Digest fromHasher(Algorithm algorithm, MessageDigest hasher) {
        return new Digest(algorithm, HexFormat.of().formatHex(hasher.digest()));
    }

    @Override
    public String toString() {
        return algorithm.prefix + ":" + hex;
    }

    @Override
    public int compareTo(Digest other) {
        return toString().compareTo(other.toString());
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static RegistryException invalid(String text) {
        return new RegistryException(ErrorCode.DIGEST_INVALID, "invalid digest: " + truncate(text));
    }

    static String truncate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
