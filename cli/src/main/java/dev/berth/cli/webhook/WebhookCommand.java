package dev.berth.cli.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.api.ApiException;
import dev.berth.cli.api.ApiPath;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.Choice;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.CliFailure;
import dev.berth.cli.command.RegistryOption;
import dev.berth.cli.command.Session;
import dev.berth.cli.command.YesOption;
import dev.berth.cli.json.Json;
import dev.berth.cli.output.Column;
import dev.berth.cli.output.Table;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code berth webhook create|show|list|update|delete|ping|list-events|get-config|redeliver}, as {@code az acr
 * webhook}.
 */
@Command(
        name = "webhook",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        description = {"Webhooks: HTTP POSTs of a registry's push and delete events to a service, as ACR sends them."})
public final class WebhookCommand {
    static final Table WEBHOOK = Table.of(
            Column.at("NAME", "/name"),
            Column.at("STATUS", "/properties/status"),
            Column.at("SCOPE", "/properties/scope"),
            Column.at("ACTIONS", "/properties/actions"),
            Column.at("SIGNED", "/properties/signed"));
    static final Table EVENT = Table.of(
            Column.at("ID", "/id"),
            Column.at("TIME", "/timestamp"),
            Column.at("ACTION", "/action"),
            Column.at("ATTEMPT", "/attempt"),
            Column.at("STATUS", "/eventResponseMessage/statusCode"),
            Column.at("OUTCOME", "/outcome"),
            Column.at("MS", "/durationMs"));
    static final Table CONFIG =
            Table.of(Column.at("SERVICE URI", "/serviceUri"), Column.at("HEADERS", "/customHeaders"));
    static final Table PING = Table.of(Column.at("ID", "/id"));
    /** The server's largest page of list-events. */
    static final int PAGE = 50;

    private final CliEnvironment env;

    public WebhookCommand() {
        this(CliEnvironment.system());
    }

    WebhookCommand(CliEnvironment env) {
        this.env = env;
    }

    static ApiPath webhooks(String registry) {
        return ApiPath.of("api", "registries", registry, "webhooks");
    }

    static ApiPath webhook(String registry, String name) {
        return webhooks(registry).add(name);
    }

    @Command(
            name = "create",
            description = "Create a webhook.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth webhook create -r myreg -n hook1 --uri https://ci.example.com/hook \\",
                "      --actions push delete --scope 'app:*' --headers Authorization='Bearer x'"
            })
    int create(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Mixin Name name,
            @Option(names = "--uri", required = true, paramLabel = "URI", description = "Where events are POSTed.")
                    String uri,
            @Option(
                            names = "--actions",
                            required = true,
                            arity = "1..*",
                            paramLabel = "ACTION",
                            converter = Actions.class,
                            completionCandidates = Actions.class,
                            description = "push, delete, quarantine, chart_push, chart_delete.")
                    List<String> actions,
            @Mixin Settings settings) {
        return Session.run(env, api, session -> {
            String path = webhook(registry.name(), name.value).toString();
            session.refuseIfExists(
                    path,
                    "webhook '" + name.value + "' already exists in registry '" + registry.name()
                            + "'; change it with 'berth webhook update'");
            ObjectNode properties = settings.properties();
            properties.put("serviceUri", uri);
            properties.set("actions", texts(actions));
            session.printer().one(session.client().put(path, body(properties)), WEBHOOK);
        });
    }

    @Command(
            name = "update",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth webhook update -r myreg -n hook1 --status disabled",
                "  berth webhook update -r myreg -n hook1 --actions push --scope 'app:v*'"
            },
            description = "Change a webhook.")
    int update(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Mixin Name name,
            @Option(names = "--uri", paramLabel = "URI", description = "Where events are POSTed.") String uri,
            @Option(
                            names = "--actions",
                            arity = "1..*",
                            paramLabel = "ACTION",
                            converter = Actions.class,
                            completionCandidates = Actions.class,
                            description = "push, delete, quarantine, chart_push, chart_delete.")
                    List<String> actions,
            @Mixin Settings settings) {
        return Session.run(env, api, session -> {
            ObjectNode properties = settings.properties();
            if (uri != null) {
                properties.put("serviceUri", uri);
            }
            if (actions != null) {
                properties.set("actions", texts(actions));
            }
            if (properties.isEmpty()) {
                throw session.usage("nothing to change");
            }
            String path = webhook(registry.name(), name.value).toString();
            session.printer().one(session.client().patch(path, body(properties)), WEBHOOK);
        });
    }

    @Command(
            name = "show",
            footerHeading = "%nExamples:%n",
            footer = {"  berth webhook show -r myreg -n hook1"},
            description = "Show a webhook (without its URI and headers; see get-config).")
    int show(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin Name name) {
        return Session.run(
                env,
                api,
                session -> session.showOne(webhook(registry.name(), name.value).toString(), WEBHOOK));
    }

    @Command(
            name = "list",
            footerHeading = "%nExamples:%n",
            footer = {"  berth webhook list -r myreg"},
            description = "List the webhooks.")
    int list(@Mixin ApiOptions api, @Mixin RegistryOption registry) {
        return Session.run(
                env, api, session -> session.showList(webhooks(registry.name()).toString(), WEBHOOK));
    }

    @Command(
            name = "delete",
            footerHeading = "%nExamples:%n",
            footer = {"  berth webhook delete -r myreg -n hook1 --yes"},
            description = {"Delete a webhook with its history.", "Asks first; without a terminal, give --yes."})
    int delete(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin Name name, @Mixin YesOption yes) {
        return Session.run(
                env,
                api,
                session -> yes.deleteAfterAsking(
                        session,
                        "webhook '" + name.value + "'",
                        " of registry '" + registry.name() + "'",
                        webhook(registry.name(), name.value).toString()));
    }

    @Command(
            name = "ping",
            footerHeading = "%nExamples:%n",
            footer = {"  berth webhook ping -r myreg -n hook1"},
            description = "Send a ping event now; its delivery shows in list-events.")
    int ping(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin Name name) {
        return Session.run(
                env, api, session -> session.printer().one(operation(session, registry, name, "ping"), PING));
    }

    @Command(
            name = "list-events",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth webhook list-events -r myreg -n hook1",
                "  berth webhook list-events -r myreg -n hook1 --top 10"
            },
            description = "List delivery attempts, newest first: all of them, page after page, or the newest --top.")
    int listEvents(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Mixin Name name,
            @Option(names = "--top", paramLabel = "N", description = "At most this many, the newest.") Integer top) {
        return Session.run(env, api, session -> {
            if (top != null && top < 1) {
                throw session.usage("--top must be at least 1");
            }
            ApiPath first = webhook(registry.name(), name.value).add("listEvents");
            if (top != null && top < PAGE) {
                first.query("top", top);
            }
            session.printer().list(DeliveryPages.collect(session.client(), first.toString(), top), EVENT);
        });
    }

    @Command(
            name = "redeliver",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth webhook list-events -r myreg -n hook1 --top 5",
                "  berth webhook redeliver -r myreg -n hook1 --id \"$ID\"   # ID: the first column"
            },
            description = {
                "Send the body of an earlier delivery attempt again, once and now, with the webhook's current settings.",
                "Prints the new attempt; it is not retried."
            })
    int redeliver(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Mixin Name name,
            @Option(
                            names = "--id",
                            required = true,
                            paramLabel = "ATTEMPT",
                            description = "The attempt's ID, as list-events shows it.")
                    String id) {
        return Session.run(env, api, session -> {
            String path = webhook(registry.name(), name.value)
                    .add("events")
                    .add(id)
                    .add("redeliver")
                    .toString();
            session.printer().one(session.client().post(path, Json.object()), EVENT);
        });
    }

    @Command(
            name = "get-config",
            footerHeading = "%nExamples:%n",
            footer = {"  berth webhook get-config -r myreg -n hook1 -o json"},
            description = "Show the webhook's service URI and custom headers.")
    int getConfig(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin Name name) {
        return Session.run(env, api, session -> session.printer()
                .one(operation(session, registry, name, "getCallbackConfig"), CONFIG));
    }

    /** POSTs one of the webhook's operations ({@code ping}, {@code listEvents}, ...) with an empty body. */
    private static JsonNode operation(Session session, RegistryOption registry, Name name, String operation)
            throws CliFailure, ApiException {
        return session.client()
                .post(webhook(registry.name(), name.value).add(operation).toString(), Json.object());
    }

    private static ArrayNode texts(List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }

    private static ObjectNode body(ObjectNode properties) {
        ObjectNode body = Json.object();
        body.set("properties", properties);
        return body;
    }

    /** {@code -n/--name} of a webhook. */
    static final class Name {
        @Option(
                names = {"-n", "--name"},
                required = true,
                paramLabel = "NAME",
                description = "The webhook: 5 to 50 letters and digits.")
        String value;
    }

    /** What create and update both set. */
    static final class Settings {
        @Option(names = "--scope", paramLabel = "SCOPE", description = "repo:tag, repo:* or repo; empty for all.")
        String scope;

        @Option(
                names = "--headers",
                arity = "1..*",
                paramLabel = "NAME=VALUE",
                description = "Custom headers sent with each event (replaces all of them).")
        Map<String, String> headers;

        @Option(
                names = "--status",
                paramLabel = "enabled|disabled",
                converter = Status.class,
                completionCandidates = Status.class,
                description = "Whether events are sent.")
        String status;

        @Option(
                names = "--signing-secret",
                paramLabel = "SECRET",
                description = "Sign deliveries with X-Berth-Signature (HMAC-SHA256); empty removes it.")
        String signingSecret;

        ObjectNode properties() {
            ObjectNode properties = Json.object();
            if (scope != null) {
                properties.put("scope", scope);
            }
            if (headers != null) {
                ObjectNode custom = properties.putObject("customHeaders");
                headers.forEach(custom::put);
            }
            if (status != null) {
                properties.put("status", status);
            }
            if (signingSecret != null) {
                properties.put("signingSecret", signingSecret);
            }
            return properties;
        }
    }

    /** {@code --status}. */
    static final class Status extends Choice {
        Status() {
            super("enabled", "disabled");
        }
    }

    /** {@code --actions}. */
    static final class Actions extends Choice {
        Actions() {
            super("push", "delete", "quarantine", "chart_push", "chart_delete");
        }
    }
}
