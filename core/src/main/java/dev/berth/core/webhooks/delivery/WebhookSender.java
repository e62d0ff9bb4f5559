package dev.berth.core.webhooks.delivery;

import dev.berth.core.webhooks.Delivery;
import dev.berth.core.webhooks.Webhook;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Sends one payload to one webhook over {@link HttpClient} and describes the attempt as a {@link Delivery}: a POST
 * of JSON with the custom headers (which may override {@code Content-Type}) and, with a signing secret, {@code
 * X-Berth-Signature: sha256=<hex HMAC-SHA256 of the body>}. Never throws for the receiver's failures; they are the
 * attempt's outcome.
 */
public final class WebhookSender {
    public static final String SIGNATURE_HEADER = "X-Berth-Signature";
    static final String MASK = "******";
    /** How an attempt's error starts when the receiver did not answer within the timeout. */
    public static final String TIMEOUT = "timeout";
    /** The error of an attempt whose connection was refused (nothing listening). */
    public static final String CONNECTION_REFUSED = "connection refused";

    private static final int MAX_RESPONSE_CHARS = 4096;

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public WebhookSender(Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.clock = clock;
    }

    /** One attempt; its outcome is {@code DELIVERED} or {@code FAILED}. */
    public Delivery send(Webhook webhook, String eventId, String action, int attempt, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.putAll(webhook.customHeaders());
        webhook.signingSecret().ifPresent(secret -> headers.put(SIGNATURE_HEADER, "sha256=" + sign(secret, body)));
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook.serviceUri())
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        Instant start = clock.instant();
        long began = System.nanoTime();
        int status = 0;
        Map<String, String> responseHeaders = Map.of();
        String responseBody = "";
        String error = "";
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            responseHeaders = firstValues(response);
            responseBody = truncate(response.body());
        } catch (IOException | IllegalArgumentException e) {
            error = failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
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
     * Why there was no answer, starting with a word to sort by: {@code timeout}, {@code connection refused}, or
     * {@code unreachable} with the exception.
     */
    private String failure(Exception e) {
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

    private static Map<String, String> firstValues(HttpResponse<?> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !values.isEmpty()) {
                headers.put(name, values.getFirst());
            }
        });
        return headers;
    }

    private static String truncate(String body) {
        return body == null || body.length() <= MAX_RESPONSE_CHARS
                ? body == null ? "" : body
                : body.substring(0, MAX_RESPONSE_CHARS);
    }
}
