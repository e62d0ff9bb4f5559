package dev.berth.cli.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.api.ApiException;
import dev.berth.cli.api.ManagementClient;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.CliFailure;
import dev.berth.cli.command.Exit;
import dev.berth.cli.command.RegistryOption;
import dev.berth.cli.command.Session;
import dev.berth.cli.json.Json;
import dev.berth.cli.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code berth network-rule add|list|remove}: a registry's IP rules, which are part of the registry ({@code
 * properties.networkRuleSet}): read with {@code GET /api/registries/{r}}, changed by sending the whole rule set back
 * with {@code PATCH}. Two people changing rules at the same moment may lose one change; list to check.
 */
@Command(
        name = "network-rule",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        description = {
            "A registry's IP rules (Premium): which client addresses may reach it when the default action is Deny."
        })
public final class NetworkRuleCommand {
    private final CliEnvironment env;

    public NetworkRuleCommand() {
        this(CliEnvironment.system());
    }

    NetworkRuleCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(
            name = "add",
            description = "Allow an IPv4 address or CIDR range.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth network-rule add -r myreg --ip-address 203.0.113.7",
                "  berth network-rule add -r myreg --ip-address 10.0.0.0/8",
                "  berth update -n myreg --default-action Deny"
            })
    int add(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin IpAddress ip) {
        return Session.run(env, api, session -> {
            ObjectNode rules = rules(session.client(), registry.name());
            if (NetworkRules.indexOf(rules, ip.value) < 0) {
                NetworkRules.ipRules(rules)
                        .add(Json.object().put("action", "Allow").put("value", ip.value));
                rules = save(session.client(), registry.name(), rules);
            }
            print(session.printer(), rules);
        });
    }

    @Command(
            name = "list",
            description = "List the IP rules.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth network-rule list -r myreg"})
    int list(@Mixin ApiOptions api, @Mixin RegistryOption registry) {
        return Session.run(env, api, session -> print(session.printer(), rules(session.client(), registry.name())));
    }

    @Command(
            name = "remove",
            description = "Remove the rule for an address or range (exactly as it was added).",
            footerHeading = "%nExamples:%n",
            footer = {"  berth network-rule remove -r myreg --ip-address 10.0.0.0/8"})
    int remove(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin IpAddress ip) {
        return Session.run(env, api, session -> {
            ObjectNode rules = rules(session.client(), registry.name());
            int index = NetworkRules.indexOf(rules, ip.value);
            if (index < 0) {
                throw new CliFailure(
                        Exit.NOT_FOUND, "registry '" + registry.name() + "' has no IP rule for " + ip.value);
            }
            NetworkRules.ipRules(rules).remove(index);
            print(session.printer(), save(session.client(), registry.name(), rules));
        });
    }

    private static ObjectNode rules(ManagementClient client, String registry) throws ApiException {
        return NetworkRules.of(client.get(Registries.path(registry).toString()));
    }

    private static ObjectNode save(ManagementClient client, String registry, ObjectNode rules) throws ApiException {
        ObjectNode body = Json.object();
        body.putObject("properties").set("networkRuleSet", rules);
        return NetworkRules.of(client.patch(Registries.path(registry).toString(), body));
    }

    private static void print(Printer printer, ObjectNode rules) {
        printer.print(rules, RegistryViews.IP_RULES, Printer.rows(rules.get("ipRules")));
    }

    /** {@code --ip-address}. */
    static final class IpAddress {
        @Option(
                names = "--ip-address",
                required = true,
                paramLabel = "ADDRESS",
                description = "An IPv4 address (203.0.113.7) or CIDR range (10.0.0.0/8).")
        String value;
    }
}
