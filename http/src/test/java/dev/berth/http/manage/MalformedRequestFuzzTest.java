package dev.berth.http.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends malformed requests, from a fixed seed, to every route of every API Berth serves (the OCI API with uploads and
 * referrers, the token service, the metadata API with its PATCH routes, and every management route the OpenAPI
 * document lists, so that new routes are fuzzed without touching this test), signed in as the administrator and not,
 * over a raw socket that sends anything. It fails on a 5xx, on a request the server neither answers nor closes within
 * {@link #PER_REQUEST}, and on a response that shows a stack trace or a Java class name.
 */
class MalformedRequestFuzzTest {
    private static final long SEED = 0x5EED_11L;
    private static final int REQUESTS = 3000;
    private static final Duration BUDGET = Duration.ofSeconds(45);
    private static final Duration PER_REQUEST = Duration.ofSeconds(10);
    private static final Pattern LEAK = Pattern.compile(
            "(?:\\b(?:java|javax|jdk|sun|org\\.eclipse|org\\.sqlite|com\\.fasterxml|dev\\.berth)\\.[a-z]\\w*\\.)"
                    + "|(?:\\tat [\\w.$]+\\()|(?:Caused by:)|(?:\\w+Exception\\b)");
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    private static ManagedBerth berth;
    private static List<Route> routes;

    /** A route to fuzz: a method and a path with its parameters filled in. */
    record Route(String method, String path) {}

    @BeforeAll
    static void start() throws Exception {
        berth = new ManagedBerth();
        berth.registry("fuzzreg", "Premium");
        assertEquals(201, berth.push("default", "fuzz/app", ManagedBerth.ADMIN));
        assertEquals(201, berth.push("fuzzreg", "fuzz/app", ManagedBerth.ADMIN));
        routes = new ArrayList<>(dataPlaneRoutes());
        routes.addAll(managementRoutes());
    }

    @AfterAll
    static void stop() throws Exception {
        berth.close();
    }

    private static List<Route> dataPlaneRoutes() {
        String upload = berth.send("POST", "/v2/fuzz/app/blobs/uploads/", ManagedBerth.ADMIN, null)
                .expect(202)
                .header("Location")
                .orElseThrow();
        List<Route> found = new ArrayList<>();
        for (String method : List.of("GET", "HEAD", "PUT", "POST", "PATCH", "DELETE")) {
            for (String path : List.of(
                    "/v2/",
                    "/v2/_catalog",
                    "/v2/fuzz/app/tags/list",
                    "/v2/fuzz/app/manifests/v1",
                    "/v2/fuzz/app/manifests/" + DIGEST,
                    "/v2/fuzz/app/blobs/" + DIGEST,
                    "/v2/fuzz/app/blobs/uploads/",
                    upload,
                    "/v2/fuzz/app/referrers/" + DIGEST,
                    "/oauth2/token",
                    "/oauth2/exchange",
                    "/oauth2/jwks",
                    "/acr/v1/_catalog",
                    "/acr/v1/fuzz/app",
                    "/acr/v1/fuzz/app/_tags",
                    "/acr/v1/fuzz/app/_tags/v1",
                    "/acr/v1/fuzz/app/_manifests",
                    "/acr/v1/fuzz/app/_manifests/" + DIGEST,
                    "/api/registries/fuzzreg/acr/v1/fuzz/app/_tags/v1")) {
                found.add(new Route(method, path));
            }
        }
        return found;
    }

    /** Every operation of the OpenAPI document, its path parameters filled with names of things that may exist. */
    private static List<Route> managementRoutes() {
        JsonNode paths = berth.call("GET", ManagementApi.OPENAPI, null, null)
                .expect(200)
                .json()
                .path("paths");
        List<Route> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String filled = path.getKey().replace("{registry}", "fuzzreg").replaceAll("\\{[^}]+}", "fuzzthing");
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (List.of("get", "put", "post", "patch", "delete", "head").contains(method)) {
                    found.add(new Route(method.toUpperCase(Locale.ROOT), filled));
                }
            });
        }
        assertTrue(found.size() > 40, "the OpenAPI document lists the management routes: " + found.size());
        return found;
    }

    @Test
    void noMalformedRequestToAnyRouteAnswers5xxHangsOrLeaksAStackTrace() throws IOException {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int sent = 0;
        for (; sent < REQUESTS && System.nanoTime() < deadline && failures.size() < 20; sent++) {
            String request = Mutations.request(random, routes.get(sent % routes.size()), berth.port());
            byte[] body = Mutations.body(random);
            String head = Mutations.frame(random, request, body.length);
            Reply reply = send(head, body);
            statuses.merge(reply.status() / 100 + "xx", 1, Integer::sum);
            String problem = reply.problem();
            if (problem != null) {
                failures.add(problem + "\n  request: " + printable(head) + "\n  reply: " + printable(reply.text()));
            }
        }
        System.out.println("fuzzed " + sent + " requests over " + routes.size() + " routes: " + statuses);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
        assertTrue(sent >= routes.size(), "every route was tried at least once: " + sent);
    }

    private static Reply send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", berth.port()), (int) PER_REQUEST.toMillis());
            socket.setSoTimeout((int) PER_REQUEST.toMillis());
            try {
                socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().write(body);
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server closed early; what it answered is still worth reading
            }
            return Reply.read(socket.getInputStream());
        }
    }

    private static String printable(String text) {
        String cut = text.length() > 600 ? text.substring(0, 600) + "..." : text;
        return cut.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** What came back: the raw text, and the highest status among its responses, past any 100 (0 when none came). */
    private record Reply(int status, String text, boolean hung) {
        private static final Pattern STATUS_LINE = Pattern.compile("(?m)^HTTP/1\\.[01] (\\d{3}) ");

        static Reply read(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            boolean hung = false;
            try {
                in.transferTo(bytes);
            } catch (SocketTimeoutException e) {
                hung = true;
            } catch (IOException e) {
                // a reset after the response is as good as a close
            }
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            int status =
                    text.startsWith("HTTP/1.") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : 0;
            return new Reply(status, text, hung);
        }

        /** What is wrong with the reply, or null. */
        String problem() {
            if (hung) {
                return "no answer and no close within " + PER_REQUEST;
            }
            if (status >= 500) {
                return "answered " + status;
            }
            if (LEAK.matcher(text).find()) {
                return "the reply shows a stack trace or class name";
            }
            return null;
        }
    }

    /** The malformed parts, each picked by the seeded random. */
    static final class Mutations {
        private static final String[] PATH_SUFFIXES = {
            "",
            "",
            "",
            "%ff",
            "%zz",
            "%",
            "%00",
            "%c0%af",
            "/%2e%2e/x",
            "//",
            "/a%2fb",
            "\u00e9",
            "/" + "a".repeat(3000),
        };
        private static final String[] QUERIES = {
            "",
            "",
            "?n=%ff",
            "?last=%ff",
            "?last=%zz&n=1",
            "?n=-1",
            "?n=99999999999999999999999",
            "?n=1&n=2&last=a&last=b",
            "?digest=%00",
            "?digest=sha256:zz",
            "?mount=%ff&from=%ff",
            "?mount=" + DIGEST + "&from=..%2f..",
            "?service=%ff&scope=repository:fuzz/app:pull",
            "?scope=" + "repository:a:pull ".repeat(50),
            "?artifactType=%ff",
            "?orderby=%ff",
            "?skip=-5&top=1e9",
            "?x=" + "y".repeat(8000),
            "?=&&=&%=",
        };
        private static final String[] AUTHORIZATIONS = {
            null,
            null,
            ManagedBerth.ADMIN,
            ManagedBerth.ADMIN,
            ManagedBerth.ADMIN,
            "Basic !!!",
            "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
            "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', (byte) 0xfe}),
            "Bearer garbage",
            "Bearer a.b.c",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.",
            "Bearer " + "x".repeat(9000),
            "Digest username=admin",
            "Basic",
            "",
        };
        private static final String[] HEADERS = {
            "",
            "",
            "Content-Type: application/json\r\n",
            "Content-Type: application/vnd.oci.image.manifest.v1+json\r\n",
            "Content-Type: application/x-www-form-urlencoded\r\n",
            "Content-Type: ;;;\r\n",
            "Content-Type: application/json; charset=nonsense\r\n",
            "Content-Range: 0-18446744073709551615\r\n",
            "Content-Range: bytes=-1-5\r\n",
            "Content-Range: 5-1\r\n",
            "Range: bytes=0-0,-1\r\n",
            "Range: bytes=18446744073709551616-\r\n",
            "Range: bytes=-\r\n",
            "Accept: ,,;q=x;;\r\n",
            "If-None-Match: \"" + "x".repeat(500) + "\"\r\n",
            "X-Forwarded-For: not-an-address\r\n",
            "Expect: 100-continue\r\n",
        };
        private static final String[] HOSTS = {
            "127.0.0.1:PORT",
            "127.0.0.1:PORT",
            "fuzzreg.localhost:PORT",
            "fuzzreg.localhost.:PORT",
            "[::1]:PORT",
            "nosuchreg.localhost:PORT",
            "",
        };
        private static final byte[][] BODIES = {
            new byte[0],
            new byte[0],
            bytes("{"),
            bytes("{}"),
            bytes("null"),
            bytes("[]"),
            bytes("\"text\""),
            bytes("{\"properties\":\"x\",\"sku\":7,\"tags\":[1,2]}"),
            bytes("{\"sku\":{\"name\":\"Premium\"},\"properties\":{\"adminUserEnabled\":\"yes\"}}"),
            bytes("{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:\",\"size\":1e400},\"layers\":[{}]}"),
            bytes("{\"schemaVersion\":99999999999999999999999999,\"manifests\":[null]}"),
            bytes("{\"properties\":{\"password\":" + "9".repeat(5000) + "}}"),
            bytes("[".repeat(10_000)),
            bytes("{\"a\":".repeat(5_000)),
            bytes("{\"deleteEnabled\":\"no\",\"writeEnabled\":null,\"listEnabled\":[],\"readEnabled\":{}}"),
            bytes("grant_type=password&username=%ff&password=%zz"),
            bytes("grant_type=refresh_token&refresh_token=a.b.c&service=%00"),
            bytes("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"con"),
            randomBytes(new Random(7), 300),
        };

        static String request(Random random, Route route, int port) {
            String target = route.path() + pick(random, PATH_SUFFIXES) + pick(random, QUERIES);
            StringBuilder head = new StringBuilder(route.method() + " " + target + " HTTP/1.1\r\n");
            head.append("Host: ")
                    .append(pick(random, HOSTS).replace("PORT", Integer.toString(port)))
                    .append("\r\n");
            String authorization = pick(random, AUTHORIZATIONS);
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            head.append(pick(random, HEADERS)).append(pick(random, HEADERS));
            return head.toString();
        }

        static byte[] body(Random random) {
            return pick(random, BODIES);
        }

        /** Ends the head with a Content-Length: mostly the true one, sometimes a lie or a framing a parser refuses. */
        static String frame(Random random, String head, int length) {
            String framing =
                    switch (random.nextInt(12)) {
                        case 0 -> "Content-Length: " + (length + 100) + "\r\n";
                        case 1 -> "Content-Length: -1\r\n";
                        case 2 -> "Content-Length: 99999999999999999999\r\n";
                        case 3 -> "Content-Length: " + length + "\r\nContent-Length: " + (length + 1) + "\r\n";
                        case 4 -> "Transfer-Encoding: chunked\r\n";
                        default -> "Content-Length: " + length + "\r\n";
                    };
            return head + framing + "Connection: close\r\n\r\n";
        }

        private static <T> T pick(Random random, T[] choices) {
            return choices[random.nextInt(choices.length)];
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] randomBytes(Random random, int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }
    }
}
