package dev.berth.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openssl s_client -brief} against 127.0.0.1: one handshake, then the end of its standard input closes the
 * connection. Debian's OpenSSL refuses TLS 1.0 and 1.1 by itself (security level 2), so {@link #LEGACY} lowers that
 * for tests that must see the server refuse them.
 */
final class OpensslClient {
    /** Lets the client offer what the server must refuse: TLS 1.1, SHA-1 signatures. */
    static final List<String> LEGACY = List.of("-cipher", "DEFAULT:@SECLEVEL=0");

    private static final Pattern PROTOCOL = Pattern.compile("Protocol version: (\\S+)");
    private static final Pattern SUITE = Pattern.compile("Ciphersuite: (\\S+)");

    private OpensslClient() {}

    /** How a handshake went: the protocol and cipher suite when it connected, and all openssl printed. */
    record Handshake(boolean connected, String protocol, String cipherSuite, String output) {}

    static Handshake connect(int port, List<String> options) {
        List<String> command =
                new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-brief"));
        command.addAll(options);
        Command.Result result = Command.attempt(command, Map.of(), Duration.ofSeconds(30));
        String output = result.out() + result.stderr();
        boolean connected = result.exitCode() == 0 && output.contains("CONNECTION ESTABLISHED");
        return new Handshake(connected, find(PROTOCOL, output), find(SUITE, output), output);
    }

    /** Options that verify the server as a careful client does: this CA only, and the IP address in the certificate. */
    static List<String> verifiedBy(String caFile) {
        return List.of("-CAfile", caFile, "-verify_return_error", "-verify_ip", "127.0.0.1");
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? matcher.group(1) : "";
    }
}
