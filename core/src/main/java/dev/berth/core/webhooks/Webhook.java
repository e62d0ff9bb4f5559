package dev.berth.core.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry's webhook.
 *
 * @param id a random id, never reused; the outbox cursor of the webhook is {@link #consumerName()}
 * @param customHeaders sent with every delivery; secret, shown only through the callback config
 * @param actions ACR's action names it hears ({@link WebhookActions})
 * @param signingSecret when present, deliveries carry {@code X-Berth-Signature}; never shown
 */
public record Webhook(
        String id,
        long registryId,
        String name,
        URI serviceUri,
        Map<String, String> customHeaders,
        List<String> actions,
        WebhookScope scope,
        boolean enabled,
        Optional<String> signingSecret,
        Instant created) {
    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serviceUri, "serviceUri");
        customHeaders = Map.copyOf(customHeaders);
        actions = List.copyOf(actions);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(signingSecret, "signingSecret");
    }

    /** The name of this webhook's cursor in the outbox. */
    public String consumerName() {
        return consumerName(id);
    }

    public static String consumerName(String id) {
        return "webhook:" + id;
    }
}
