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

    /** The index of the rule for this address or range ({@code a.b.c.d} and {@code a.b.c.d/32} alike), or -1. */
    static int indexOf(ObjectNode rules, String value) {
        ArrayNode ipRules = ipRules(rules);
        for (int i = 0; i < ipRules.size(); i++) {
            if (single(ipRules.get(i).path("value").asText()).equals(single(value.strip()))) {
                return i;
            }
        }
        return -1;
    }

    private static String single(String value) {
        return value.endsWith("/32") ? value.substring(0, value.length() - 3) : value;
    }
}
