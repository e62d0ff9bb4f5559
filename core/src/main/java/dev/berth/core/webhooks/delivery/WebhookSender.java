package dev.berth.core.webhooks.delivery;

import dev.berth.core.egress.Egress;
import dev.berth.core.egress.EgressRefusedException;
import dev.berth.core.egress.OutboundHttp;
import dev.berth.core.egress.OutboundRequest;
import dev.berth.core.egress.OutboundResponse;
import dev.berth.core.webhooks.Delivery;
import dev.berth.core.webhooks.Webhook;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends one payload to one webhook through the installation's {@link Egress} and describes the attempt as a {@link Delivery}: a POST
 * of JSON with the custom headers (which may override {@code Content-Type}) and, with a signing secret, {@code
 * X-Berth-Signature: sha256=<hex HMAC-SHA256 of the body>}. Never throws for the receiver's failures; they are the
 * attempt's outcome, and so is a refusal of the egress policy (its message as the error), which comes before any
 * connection: a receiver on Berth's own API or on loopback is never asked.
 */
public final class WebhookSender implements AutoCloseable {
    public static final String SIGNATURE_HEADER = "X-Berth-Signature";
    static final String MASK = "******";
    /** How an attempt's error starts when the receiver did not answer within the timeout. */
    public static final String TIMEOUT = "timeout";
    /** The error of an attempt whose connection was refused (nothing listening). */
    public static final String CONNECTION_REFUSED = "connection refused";

    private static final int MAX_RESPONSE_CHARS = 4096;
    private static final int MAX_RESPONSE_BYTES = 4 * MAX_RESPONSE_CHARS;

    private final OutboundHttp http;
    private final Duration timeout;
    private final Clock clock;

    public WebhookSender(Egress egress, Duration timeout, Clock clock) {
        this.http = egress.http(Egress.Options.connectingWithin(timeout));
        this.timeout = timeout;
        this.clock = clock;
    }

    /** One attempt; its outcome is {@code DELIVERED} or {@code FAILED}. */
    public Delivery send(Webhook webhook, String eventId, String action, int attempt, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.putAll(webhook.customHeaders());
        webhook.signingSecret().ifPresent(secret -> headers.put(SIGNATURE_HEADER, "sha256=" + sign(secret, body)));
        OutboundRequest request = OutboundRequest.post(webhook.serviceUri(), body.getBytes(StandardCharsets.UTF_8))
                .withTimeouts(timeout, timeout)
                .withHeaders(headers);
        Instant start = clock.instant();
        long began = System.nanoTime();
        int status = 0;
        Map<String, String> responseHeaders = Map.of();
        String responseBody = "";
        String error = "";
        try (OutboundResponse response = http.send(request)) {
            status = response.status();
            responseHeaders = firstValues(response);
            responseBody = truncate(new String(response.body().readNBytes(MAX_RESPONSE_BYTES), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            error = failure(e);
        }
        long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
        boolean ok = status >= 200 && status < 300;
        return new Delivery(
                UUID.randomUUID().toString(),
                webhook.id(),
                eventId,
                action,
                attempt,
                start,
                webhook.serviceUri().toString(),
                masked(headers, webhook),
                body,
                status,
                responseHeaders,
                responseBody,
                millis,
                ok ? Delivery.Outcome.DELIVERED : Delivery.Outcome.FAILED,
                error);
    }

    /**
     * Why there was no answer, starting with a word to sort by: {@code egress to ...} (the policy's refusal), {@code
     * timeout}, {@code connection refused}, or {@code unreachable} with the exception.
     */
    private String failure(Exception e) {
        if (e instanceof EgressRefusedException) {
            return e.getMessage();
        }
        if (e instanceof java.io.InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)) {
            return "interrupted";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return TIMEOUT + ": could not connect within " + timeout.toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException) {
            return TIMEOUT + ": no answer within " + timeout.toMillis() + " ms";
        }
        if (e instanceof ConnectException
                && (e.getMessage() == null || e.getMessage().contains("refused"))) {
            return CONNECTION_REFUSED;
        }
        return "unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** The hex HMAC-SHA256 of the body under the secret. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static Map<String, String> masked(Map<String, String> headers, Webhook webhook) {
        Map<String, String> masked = new LinkedHashMap<>();
        headers.forEach((name, value) -> masked.put(
                name, webhook.customHeaders().containsKey(name) || name.equals(SIGNATURE_HEADER) ? MASK : value));
        return masked;
    }

    private static Map<String, String> firstValues(OutboundResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.getFirst());
            }
        });
        return headers;
    }

    @Override
    public void close() {
        http.close();
    }

    private static String truncate(String body) {
        return body == null || body.length() <= MAX_RESPONSE_CHARS
                ? body == null ? "" : body
                : body.substring(0, MAX_RESPONSE_CHARS);
    }
}
