package dev.berth.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.core.egress.Egress;
import dev.berth.core.egress.EgressPolicy;
import dev.berth.core.egress.EgressRefusedException;
import dev.berth.core.egress.EgressSettings;
import dev.berth.core.egress.OutboundHttp;
import dev.berth.core.egress.OutboundRequest;
import dev.berth.core.egress.OutboundResponse;
import dev.berth.core.egress.OwnAddresses;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every connection of the Jetty client goes through the policy: literals, names, redirects, IPv6 forms. */
class JettyEgressTest {
    private static Upstream upstream;

    @BeforeAll
    static void start() throws Exception {
        upstream = Upstream.on("127.0.0.1");
    }

    @AfterAll
    static void stop() throws Exception {
        upstream.close();
    }

    @Test
    void loopbackLiteralIsRefusedByDefault() {
        assertRefused(defaults(), "http://127.0.0.1:" + upstream.port() + "/", "127.0.0.1");
    }

    @Test
    void openAndClosedPortsGiveTheSameRefusal() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String open = message(defaults(), "http://127.0.0.1:" + upstream.port() + "/");
        String shut = message(defaults(), "http://127.0.0.1:" + closed + "/");
        String tls = message(defaults(), "https://127.0.0.1:" + upstream.port() + "/");
        assertEquals(open, shut);
        assertEquals(open, tls);
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefused() {
        assertRefused(defaults(), "http://localhost:" + upstream.port() + "/", "localhost (");
    }

    @Test
    void ipv6LoopbackAndMappedFormsAreRefused() {
        assertRefused(defaults(), "http://[::1]:" + upstream.port() + "/", "::1");
        assertRefused(defaults(), "http://[::ffff:127.0.0.1]:" + upstream.port() + "/", "127.0.0.1");
        assertRefused(defaults(), "http://[::ffff:7f00:1]:" + upstream.port() + "/", "127.0.0.1");
        assertRefused(defaults(), "http://[0:0:0:0:0:ffff:169.254.169.254]/", "169.254.169.254");
        assertRefused(defaults(), "http://0.0.0.0:" + upstream.port() + "/", "0.0.0.0");
        assertThrows(IOException.class, () -> get(defaults(), "http://2130706433:" + upstream.port() + "/"));
        assertThrows(IOException.class, () -> get(defaults(), "http://127.1:" + upstream.port() + "/"));
    }

    @Test
    void anAllowedRangeIsReached() throws IOException {
        assertEquals("hello", get(allowing("127.0.0.1/32"), upstream.url("/")));
    }

    @Test
    void anAllowedHostNameIsReached() throws IOException {
        Egress egress =
                new JettyEgress(new EgressPolicy(EgressSettings.of(List.of("localhost"), false), new OwnAddresses()));
        assertEquals("hello", get(egress, "http://localhost:" + upstream.port() + "/"));
    }

    @Test
    void aRedirectToARefusedAddressIsRefused() {
        Egress egress = allowing("127.0.0.1/32");
        String target = "http://127.0.0.2:" + upstream.port() + "/";
        assertRefused(egress, upstream.url("/redirect?to=" + target), "127.0.0.2");
    }

    @Test
    void aRedirectToAnAllowedAddressIsFollowed() throws IOException {
        String target = upstream.url("/");
        assertEquals("hello", get(allowing("127.0.0.1/32"), upstream.url("/redirect?to=" + target)));
    }

    @Test
    void ownPortsAreRefusedEvenWhenLoopbackIsAllowed() {
        OwnAddresses own = new OwnAddresses().listensOn(upstream.port());
        Egress egress = new JettyEgress(new EgressPolicy(EgressSettings.DEFAULTS.allowing("127.0.0.0/8"), own));
        assertRefused(egress, upstream.url("/"), "127.0.0.1");
        assertRefused(egress, "http://localhost:" + upstream.port() + "/", "localhost (");
    }

    private static Egress defaults() {
        return new JettyEgress(EgressPolicy.defaults(new OwnAddresses()));
    }

    private static Egress allowing(String range) {
        return new JettyEgress(new EgressPolicy(EgressSettings.DEFAULTS.allowing(range), new OwnAddresses()));
    }

    private static void assertRefused(Egress egress, String url, String named) {
        String message = message(egress, url);
        assertEquals(true, message.startsWith("egress to " + named), message);
        assertEquals(true, message.endsWith(" is not allowed by the installation's egress policy"), message);
    }

    private static String message(Egress egress, String url) {
        return assertThrows(EgressRefusedException.class, () -> get(egress, url))
                .getMessage();
    }

    private static String get(Egress egress, String url) throws IOException {
        try (OutboundHttp http = egress.http(Egress.Options.connectingWithin(Duration.ofSeconds(5)));
                OutboundResponse response =
                        http.send(OutboundRequest.get(URI.create(url)).followingRedirects())) {
            return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
