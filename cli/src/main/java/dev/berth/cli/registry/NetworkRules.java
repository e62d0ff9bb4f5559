package dev.berth.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.json.Json;

/** A registry's {@code networkRuleSet}, copied so it can be changed and sent back whole. */
final class NetworkRules {
    private NetworkRules() {}

    /** A copy of the registry's rule set, with {@code defaultAction} and {@code ipRules} always present. */
    static ObjectNode of(JsonNode registry) {
        JsonNode current = registry.path("properties").path("networkRuleSet");
        ObjectNode rules = current.isObject() ? ((ObjectNode) current).deepCopy() : Json.object();
        if (!rules.path("defaultAction").isTextual()) {
            rules.put("defaultAction", "Allow");
        }
        if (!rules.path("ipRules").isArray()) {
            rules.set("ipRules", Json.array());
        }
        return rules;
    }

    static ArrayNode ipRules(ObjectNode rules) {
        return (ArrayNode) rules.get("ipRules");
    }

    /** The index of the rule for exactly this address or range, or -1. */
    static int indexOf(ObjectNode rules, String value) {
        ArrayNode ipRules = ipRules(rules);
        for (int i = 0; i < ipRules.size(); i++) {
            if (ipRules.get(i).path("value").asText().equals(value)) {
                return i;
            }
        }
        return -1;
    }
}
