package dev.berth.core.webhooks;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One attempt to deliver an event (or a ping) to a webhook, as the history keeps it.
 *
 * @param id this attempt's id, by which it can be redelivered
 * @param eventId the id of the event sent (the payload's {@code id})
 * @param attempt 1 for the first try of an event, counting up over retries
 * @param requestHeaders as sent, with custom header values and the signature masked
 * @param status the receiver's HTTP status, or 0 when there was no answer (refused, timed out)
 * @param responseBody the start of the receiver's answer, truncated
 * @param error why there was no answer, or empty
 */
public record Delivery(
        String id,
        String webhookId,
        String eventId,
        String action,
        int attempt,
        Instant time,
        String requestUri,
        Map<String, String> requestHeaders,
        String requestBody,
        int status,
        Map<String, String> responseHeaders,
        String responseBody,
        long durationMillis,
        Outcome outcome,
        String error) {
    public Delivery {
        Objects.requireNonNull(id, "id");
        requestHeaders = Map.copyOf(requestHeaders);
        responseHeaders = Map.copyOf(responseHeaders);
        error = error == null ? "" : error;
    }

    /** What the attempt came to. */
    public enum Outcome {
        /** The receiver answered 2xx. */
        DELIVERED,
        /** It did not; another attempt follows. */
        FAILED,
        /** It did not, and the retries are used up: the event is given up. */
        DEAD_LETTERED
    }

    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }
}
