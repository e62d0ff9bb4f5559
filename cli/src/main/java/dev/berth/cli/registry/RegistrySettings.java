package dev.berth.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.json.Json;
import picocli.CommandLine.Option;

/** The registry settings {@code create} and {@code update} take, as the {@code properties} of a PUT or PATCH. */
public final class RegistrySettings {
    @Option(
            names = "--admin-enabled",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Turn the admin user (user name = registry name, passwords from 'credential') on or off.")
    Boolean adminEnabled;

    @Option(
            names = "--anonymous-pull-enabled",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Let anyone pull without signing in (Standard and Premium).")
    Boolean anonymousPullEnabled;

    @Option(
            names = "--public-network-enabled",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Accept requests from any address (true) or from none (false).")
    Boolean publicNetworkEnabled;

    @Option(
            names = "--default-action",
            paramLabel = "Allow|Deny",
            converter = Registries.DefaultAction.class,
            completionCandidates = Registries.DefaultAction.class,
            description = "What happens to a client no IP rule matches (Premium); see 'berth network-rule'.")
    String defaultAction;

    boolean isEmpty() {
        return adminEnabled == null
                && anonymousPullEnabled == null
                && publicNetworkEnabled == null
                && defaultAction == null;
    }

    boolean changesNetworkRules() {
        return defaultAction != null;
    }

    /**
     * The properties to send. A network rule set is sent whole, so {@code current} (the registry as it is, or a
     * missing node) gives the IP rules to keep.
     */
    ObjectNode properties(JsonNode current) {
        ObjectNode properties = Json.object();
        if (adminEnabled != null) {
            properties.put("adminUserEnabled", adminEnabled);
        }
        if (anonymousPullEnabled != null) {
            properties.put("anonymousPullEnabled", anonymousPullEnabled);
        }
        if (publicNetworkEnabled != null) {
            properties.put("publicNetworkAccess", publicNetworkEnabled ? "Enabled" : "Disabled");
        }
        if (defaultAction != null) {
            ObjectNode rules = NetworkRules.of(current);
            rules.put("defaultAction", defaultAction);
            properties.set("networkRuleSet", rules);
        }
        return properties;
    }
}
