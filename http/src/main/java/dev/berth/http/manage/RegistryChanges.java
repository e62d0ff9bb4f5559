package dev.berth.http.manage;

import dev.berth.core.auth.Cidr;
import dev.berth.core.auth.NetworkRules.DefaultAction;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.installation.RegistryChange;
import dev.berth.core.installation.RegistryService;
import dev.berth.core.tier.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a registry's PUT or PATCH body into a {@link RegistryChange}. */
final class RegistryChanges {
    private RegistryChanges() {}

    static RegistryChange of(Body body) {
        Optional<Tier> tier = body.object("sku").text("name").map(RegistryChanges::tier);
        Body properties = body.object("properties");
        Body ruleSet = properties.object("networkRuleSet");
        return new RegistryChange(
                tier,
                properties.bool("adminUserEnabled"),
                properties.bool("anonymousPullEnabled"),
                properties.text("publicNetworkAccess").map(RegistryChanges::publicAccess),
                ruleSet.text("defaultAction").map(RegistryChanges::defaultAction),
                ruleSet.objects("ipRules").map(RegistryChanges::ipRules));
    }

    private static Tier tier(String name) {
        return Tier.byName(name)
                .orElseThrow(() -> invalid("sku.name is Basic, Standard or Premium, not '" + name + "'"));
    }

    private static boolean publicAccess(String value) {
        return switch (value) {
            case "Enabled" -> true;
            case "Disabled" -> false;
            default -> throw invalid("publicNetworkAccess is Enabled or Disabled");
        };
    }

    private static DefaultAction defaultAction(String value) {
        return switch (value) {
            case "Allow" -> DefaultAction.ALLOW;
            case "Deny" -> DefaultAction.DENY;
            default -> throw invalid("networkRuleSet.defaultAction is Allow or Deny");
        };
    }

    private static List<Cidr> ipRules(List<Body> rules) {
        List<String> values = new ArrayList<>();
        for (Body rule : rules) {
            String action = rule.text("action").orElse("Allow");
            if (!action.equals("Allow")) {
                throw invalid("an IP rule's action is Allow");
            }
            values.add(rule.requiredText("value"));
        }
        return RegistryService.ipRules(values);
    }

    private static RegistryException invalid(String message) {
        return new RegistryException(ErrorCode.INVALID_REQUEST, message);
    }
}
