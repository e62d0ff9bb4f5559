package dev.berth.metadata.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;
import dev.berth.core.spi.DirectoryStore.Creation;
import dev.berth.core.spi.WebhookStore;
import dev.berth.core.webhooks.Delivery;
import dev.berth.core.webhooks.Webhook;
import dev.berth.core.webhooks.WebhookScope;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbcWebhookStore implements WebhookStore {
    private static final String COLUMNS = "SELECT id, registry_id, name, service_uri, custom_headers, actions, scope,"
            + " enabled, signing_secret, created_at FROM webhooks ";
    private static final String DELIVERY_COLUMNS = "SELECT id, webhook_id, event_id, action, attempt, created_at,"
            + " request_uri, request_headers, request_body, status, response_headers, response_body, duration_ms,"
            + " outcome, error FROM webhook_deliveries ";

    private final Database database;

    JdbcWebhookStore(Database database) {
        this.database = database;
    }

    @Override
    public Creation create(Webhook webhook, int limit) throws IOException {
        return database.write(c -> {
            if (Sql.first(
                            c,
                            COLUMNS + "WHERE registry_id = ? AND name = ?",
                            JdbcWebhookStore::webhook,
                            webhook.registryId(),
                            webhook.name())
                    .isPresent()) {
                return Creation.EXISTS;
            }
            long count = Sql.first(
                            c,
                            "SELECT COUNT(*) FROM webhooks WHERE registry_id = ?",
                            row -> row.getLong(1),
                            webhook.registryId())
                    .orElse(0L);
            if (count >= limit) {
                return Creation.LIMIT_REACHED;
            }
            Sql.update(
                    c,
                    "INSERT INTO webhooks (id, registry_id, name, service_uri, custom_headers, actions, scope, enabled,"
                            + " signing_secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    webhook.id(),
                    webhook.registryId(),
                    webhook.name(),
                    webhook.serviceUri().toString(),
                    Json.writeString(webhook.customHeaders()),
                    Json.writeString(webhook.actions()),
                    webhook.scope().text(),
                    webhook.enabled(),
                    webhook.signingSecret().orElse(null),
                    webhook.created().toEpochMilli());
            Sql.update(
                    c,
                    "INSERT INTO event_cursors (consumer, sequence) SELECT ?, COALESCE(MAX(sequence), 0) FROM events",
                    webhook.consumerName());
            return Creation.CREATED;
        });
    }

    @Override
    public boolean update(Webhook webhook) throws IOException {
        return database.write(c -> Sql.update(
                        c,
                        "UPDATE webhooks SET service_uri = ?, custom_headers = ?, actions = ?, scope = ?, enabled = ?,"
                                + " signing_secret = ? WHERE id = ?",
                        webhook.serviceUri().toString(),
                        Json.writeString(webhook.customHeaders()),
                        Json.writeString(webhook.actions()),
                        webhook.scope().text(),
                        webhook.enabled(),
                        webhook.signingSecret().orElse(null),
                        webhook.id())
                > 0);
    }

    @Override
    public Optional<Webhook> find(long registryId, String name) throws IOException {
        return database.read(c -> Sql.first(
                c, COLUMNS + "WHERE registry_id = ? AND name = ?", JdbcWebhookStore::webhook, registryId, name));
    }

    @Override
    public Optional<Webhook> byId(String id) throws IOException {
        return database.read(c -> Sql.first(c, COLUMNS + "WHERE id = ?", JdbcWebhookStore::webhook, id));
    }

    @Override
    public List<Webhook> list(long registryId) throws IOException {
        return database.read(c ->
                Sql.query(c, COLUMNS + "WHERE registry_id = ? ORDER BY name", JdbcWebhookStore::webhook, registryId));
    }

    @Override
    public List<Webhook> all() throws IOException {
        return database.read(c -> Sql.query(c, COLUMNS + "ORDER BY id", JdbcWebhookStore::webhook));
    }

    @Override
    public boolean delete(long registryId, String name) throws IOException {
        return database.write(c -> {
            Optional<Webhook> webhook = Sql.first(
                    c, COLUMNS + "WHERE registry_id = ? AND name = ?", JdbcWebhookStore::webhook, registryId, name);
            if (webhook.isEmpty()) {
                return false;
            }
            deleteDependents(c, webhook.get().id());
            return Sql.update(
                            c,
                            "DELETE FROM webhooks WHERE id = ?",
                            webhook.get().id())
                    > 0;
        });
    }

    private static void deleteDependents(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM webhook_deliveries WHERE webhook_id = ?", id);
        Sql.update(c, "DELETE FROM event_cursors WHERE consumer = ?", Webhook.consumerName(id));
    }

    @Override
    public void record(Delivery d) throws IOException {
        database.write(c -> Sql.update(
                c,
                "INSERT INTO webhook_deliveries (id, webhook_id, event_id, action, attempt, created_at, request_uri,"
                        + " request_headers, request_body, status, response_headers, response_body, duration_ms,"
                        + " outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(),
                d.webhookId(),
                d.eventId(),
                d.action(),
                d.attempt(),
                d.time().toEpochMilli(),
                d.requestUri(),
                Json.writeString(d.requestHeaders()),
                d.requestBody(),
                d.status(),
                Json.writeString(d.responseHeaders()),
                d.responseBody(),
                d.durationMillis(),
                d.outcome().name(),
                d.error()));
    }

    @Override
    public List<Delivery> deliveries(String webhookId, int offset, int limit) throws IOException {
        return database.read(c -> Sql.query(
                c,
                DELIVERY_COLUMNS + "WHERE webhook_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?",
                JdbcWebhookStore::delivery,
                webhookId,
                limit,
                offset));
    }

    @Override
    public Optional<Delivery> delivery(String webhookId, String deliveryId) throws IOException {
        return database.read(c -> Sql.first(
                c,
                DELIVERY_COLUMNS + "WHERE webhook_id = ? AND id = ?",
                JdbcWebhookStore::delivery,
                webhookId,
                deliveryId));
    }

    @Override
    public int pruneDeliveries(Instant before) throws IOException {
        return BatchedDelete.run(
                database,
                "DELETE FROM webhook_deliveries WHERE seq IN (SELECT seq FROM webhook_deliveries WHERE created_at < ?"
                        + " ORDER BY seq LIMIT ?)",
                before.toEpochMilli());
    }

    private static Webhook webhook(ResultSet row) throws SQLException {
        List<String> actions = new ArrayList<>();
        json(row.getString(6)).forEach(action -> actions.add(action.asText()));
        return new Webhook(
                row.getString(1),
                row.getLong(2),
                row.getString(3),
                URI.create(row.getString(4)),
                map(row.getString(5)),
                actions,
                new WebhookScope(row.getString(7)),
                row.getBoolean(8),
                Optional.ofNullable(row.getString(9)),
                Instant.ofEpochMilli(row.getLong(10)));
    }

    private static Delivery delivery(ResultSet row) throws SQLException {
        return new Delivery(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getInt(5),
                Instant.ofEpochMilli(row.getLong(6)),
                row.getString(7),
                map(row.getString(8)),
                row.getString(9),
                row.getInt(10),
                map(row.getString(11)),
                row.getString(12),
                row.getLong(13),
                Delivery.Outcome.valueOf(row.getString(14)),
                row.getString(15));
    }

    private static JsonNode json(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> map(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        json(text).properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
