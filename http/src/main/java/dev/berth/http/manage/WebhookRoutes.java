package dev.berth.http.manage;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.installation.ManagementAccess.Level;
import dev.berth.core.installation.WebhookService;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.webhooks.Delivery;
import dev.berth.core.webhooks.Webhook;
import dev.berth.core.webhooks.WebhookChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A registry's webhooks: create, show, list, update, delete, ping, delivery history, callback config, redeliver. */
final class WebhookRoutes {
    private static final String ONE = "/api/registries/{registry}/webhooks/{name}";
    private static final int PAGE = 50;

    private WebhookRoutes() {}

    static void register(Router router) {
        router.add("GET", "/api/registries/{registry}/webhooks", WebhookRoutes::list)
                .add("GET", ONE, WebhookRoutes::show)
                .add("PUT", ONE, WebhookRoutes::put)
                .add("PATCH", ONE, WebhookRoutes::patch)
                .add("DELETE", ONE, WebhookRoutes::delete)
                .add("POST", ONE + "/ping", WebhookRoutes::ping)
                .add("POST", ONE + "/listEvents", WebhookRoutes::listEvents)
                .add("POST", ONE + "/getCallbackConfig", WebhookRoutes::callbackConfig)
                .add("POST", ONE + "/events/{id}/redeliver", WebhookRoutes::redeliver);
    }

    private static WebhookService service(ApiRequest request) {
        return request.management().webhooks();
    }

    private static Reply list(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.READ, "read webhooks");
        List<Object> values = new ArrayList<>();
        for (Webhook webhook : service(request).list(registry)) {
            values.add(WebhookShapes.webhook(registry.name(), webhook));
        }
        return Reply.ok(Shapes.list(values));
    }

    private static Reply show(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.READ, "read webhooks");
        return Reply.ok(WebhookShapes.webhook(registry.name(), service(request).get(registry, request.param("name"))));
    }

    private static Reply put(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "change webhooks");
        WebhookService.Put put = service(request).put(registry, request.param("name"), change(request));
        return Reply.createdOrOk(put.created(), WebhookShapes.webhook(registry.name(), put.webhook()));
    }

    private static Reply patch(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "change webhooks");
        Webhook webhook = service(request).update(registry, request.param("name"), change(request));
        return Reply.ok(WebhookShapes.webhook(registry.name(), webhook));
    }

    private static Reply delete(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "delete webhooks");
        service(request).delete(registry, request.param("name"));
        return Reply.noContent();
    }

    private static Reply ping(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "ping webhooks");
        Delivery delivery = service(request).ping(registry, request.param("name"));
        return Reply.ok(Map.of("id", delivery.eventId()));
    }

    private static Reply listEvents(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.READ, "read webhook deliveries");
        int skip = number(request.query("skip"), 0, "skip");
        int top = Math.min(number(request.query("top"), PAGE, "top"), PAGE);
        List<Object> values = new ArrayList<>();
        for (Delivery delivery : service(request).deliveries(registry, request.param("name"), skip, top + 1)) {
            values.add(WebhookShapes.delivery(delivery));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        if (values.size() > top) {
            values.removeLast();
            page.put("value", values);
            page.put(
                    "nextLink",
                    "/api/registries/" + registry.name() + "/webhooks/" + request.param("name") + "/listEvents?skip="
                            + (skip + top) + "&top=" + top);
        } else {
            page.put("value", values);
        }
        return Reply.ok(page);
    }

    private static Reply callbackConfig(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "read webhook secrets");
        return Reply.ok(WebhookShapes.callbackConfig(service(request).get(registry, request.param("name"))));
    }

    private static Reply redeliver(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "redeliver webhook events");
        Delivery delivery = service(request).redeliver(registry, request.param("name"), request.param("id"));
        return Reply.ok(WebhookShapes.delivery(delivery));
    }

    private static WebhookChange change(ApiRequest request) throws IOException {
        Body properties = request.body().object("properties");
        Optional<Boolean> enabled = properties.text("status").map(status -> switch (status) {
            case "enabled" -> true;
            case "disabled" -> false;
            default ->
                throw new RegistryException(ErrorCode.INVALID_REQUEST, "properties.status is enabled or disabled");
        });
        return new WebhookChange(
                properties.text("serviceUri"),
                properties.textMap("customHeaders"),
                properties.texts("actions"),
                properties.text("scope"),
                enabled,
                properties.text("signingSecret"));
    }

    private static int number(Optional<String> text, int absent, String name) {
        try {
            int value = text.map(Integer::parseInt).orElse(absent);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new RegistryException(ErrorCode.INVALID_REQUEST, "the query parameter " + name + " must be a count");
        }
    }
}
