package dev.berth.core.installation;

import dev.berth.core.json.Json;
import dev.berth.core.spi.DirectoryStore.Creation;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.spi.WebhookStore;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.webhooks.Delivery;
import dev.berth.core.webhooks.Webhook;
import dev.berth.core.webhooks.WebhookActions;
import dev.berth.core.webhooks.WebhookChange;
import dev.berth.core.webhooks.WebhookScope;
import dev.berth.core.webhooks.delivery.WebhookSender;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A registry's webhooks, within the count its tier allows, and what is done to one by hand: ping, its delivery
 * history, its callback config, and sending a recorded delivery again.
 */
public final class WebhookService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]{5,50}");
    private static final int MAX_HEADERS = 50;

    private final WebhookStore store;
    private final TierCatalog tiers;
    private final WebhookSender sender;
    private final Clock clock;

    public WebhookService(WebhookStore store, TierCatalog tiers, WebhookSender sender, Clock clock) {
        this.store = store;
        this.tiers = tiers;
        this.sender = sender;
        this.clock = clock;
    }

    public List<Webhook> list(RegistryRecord registry) throws IOException {
        return store.list(registry.id());
    }

    public Webhook get(RegistryRecord registry, String name) throws IOException {
        return store.find(registry.id(), name).orElseThrow(() -> notFound("webhook '" + name + "'"));
    }

    /** A webhook made or changed, and whether it was made. */
    public record Put(Webhook webhook, boolean created) {}

    /** Creates the webhook (it needs a serviceUri), or changes it when it exists. */
    public Put put(RegistryRecord registry, String name, WebhookChange change) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid("a webhook name is 5 to 50 letters and digits");
        }
        Optional<Webhook> current = store.find(registry.id(), name);
        if (current.isPresent()) {
            return new Put(update(registry, name, change), false);
        }
        Webhook webhook = new Webhook(
                UUID.randomUUID().toString(),
                registry.id(),
                name,
                uri(change.serviceUri().orElseThrow(() -> invalid("a new webhook needs properties.serviceUri"))),
                headers(change.customHeaders().orElse(Map.of())),
                actions(change.actions().orElseThrow(() -> invalid("a new webhook needs properties.actions"))),
                scope(change.scope().orElse("")),
                change.enabled().orElse(true),
                change.signingSecret().filter(s -> !s.isEmpty()),
                clock.instant());
        int limit = tiers.limits(registry.tier()).webhooks();
        Creation created = store.create(webhook, limit);
        if (created == Creation.LIMIT_REACHED) {
            throw Problems.quota("webhooks", limit, registry.tier().displayName());
        }
        if (created == Creation.EXISTS) {
            return new Put(update(registry, name, change), false);
        }
        return new Put(webhook, true);
    }

    /** Changes what the change names; {@code RESOURCE_NOT_FOUND} when there is no such webhook. */
    public Webhook update(RegistryRecord registry, String name, WebhookChange change) throws IOException {
        Webhook current = get(registry, name);
        Webhook changed = new Webhook(
                current.id(),
                current.registryId(),
                current.name(),
                change.serviceUri().map(WebhookService::uri).orElse(current.serviceUri()),
                change.customHeaders().map(WebhookService::headers).orElse(current.customHeaders()),
                change.actions().map(WebhookService::actions).orElse(current.actions()),
                change.scope().map(WebhookService::scope).orElse(current.scope()),
                change.enabled().orElse(current.enabled()),
                change.signingSecret()
                        .map(s -> s.isEmpty() ? Optional.<String>empty() : Optional.of(s))
                        .orElse(current.signingSecret()),
                current.created());
        if (!store.update(changed)) {
            throw notFound("webhook '" + name + "'");
        }
        return changed;
    }

    public void delete(RegistryRecord registry, String name) throws IOException {
        if (!store.delete(registry.id(), name)) {
            throw notFound("webhook '" + name + "'");
        }
    }

    /** Sends ACR's ping event at once, records it, and answers the attempt (its {@code eventId} is the ping's id). */
    public Delivery ping(RegistryRecord registry, String name) throws IOException {
        Webhook webhook = get(registry, name);
        String id = UUID.randomUUID().toString();
        var payload = Json.object();
        payload.put("id", id);
        payload.put("timestamp", clock.instant().toString());
        payload.put("action", "ping");
        Delivery delivery = sender.send(webhook, id, "ping", 1, Json.writeString(payload));
        store.record(delivery);
        return delivery;
    }

    /** A page of the webhook's delivery history, newest first. */
    public List<Delivery> deliveries(RegistryRecord registry, String name, int offset, int limit) throws IOException {
        return store.deliveries(get(registry, name).id(), offset, limit);
    }

    /** Sends a recorded delivery's body again, once, now, with the webhook's current settings; records it. */
    public Delivery redeliver(RegistryRecord registry, String name, String deliveryId) throws IOException {
        Webhook webhook = get(registry, name);
        Delivery earlier =
                store.delivery(webhook.id(), deliveryId).orElseThrow(() -> notFound("delivery '" + deliveryId + "'"));
        Delivery again =
                sender.send(webhook, earlier.eventId(), earlier.action(), earlier.attempt() + 1, earlier.requestBody());
        store.record(again);
        return again;
    }

    private static URI uri(String text) {
        try {
            URI uri = new URI(text);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw invalid("properties.serviceUri must be an absolute http or https URI");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid("properties.serviceUri must be an absolute http or https URI");
        }
    }

    private static Map<String, String> headers(Map<String, String> headers) {
        if (headers.size() > MAX_HEADERS) {
            throw invalid("a webhook has at most " + MAX_HEADERS + " custom headers");
        }
        for (var header : headers.entrySet()) {
            if (!header.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")
                    || header.getValue().chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw invalid("the custom header '" + header.getKey() + "' is not a valid HTTP header");
            }
        }
        return headers;
    }

    private static List<String> actions(List<String> actions) {
        if (actions.isEmpty()) {
            throw invalid("a webhook hears at least one action");
        }
        for (String action : actions) {
            if (!WebhookActions.ALL.contains(action)) {
                throw invalid("the action '" + action + "' is not one of " + WebhookActions.ALL);
            }
        }
        return List.copyOf(new LinkedHashSet<>(actions));
    }

    private static WebhookScope scope(String text) {
        try {
            return new WebhookScope(text);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static RuntimeException invalid(String message) {
        return Problems.invalid(message);
    }

    private static RuntimeException notFound(String what) {
        return Problems.notFound(what);
    }
}
