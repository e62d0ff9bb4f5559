package dev.berth.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.Choice;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.Session;
import dev.berth.cli.json.Json;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code berth credential show|renew}: the admin user's passwords, by {@code POST .../listCredentials} and {@code
 * POST .../regenerateCredential}. Berth keeps only hashes, so {@code show} lists names and dates, and a password's
 * value is printed once, by {@code renew}.
 */
@Command(
        name = "credential",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        description = {
            "The admin user's two passwords (user name = the registry's name; turn it on with 'berth update"
                    + " --admin-enabled true')."
        })
public final class CredentialCommand {
    private final CliEnvironment env;

    public CredentialCommand() {
        this(CliEnvironment.system());
    }

    CredentialCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(
            name = "show",
            description = "List the admin user's passwords: names and creation times (Berth keeps no values).",
            footerHeading = "%nExamples:%n",
            footer = {"  berth credential show -n myreg"})
    int show(@Mixin ApiOptions api, @Mixin RegistryName registry) {
        return Session.run(env, api, session -> {
            var answer = session.client()
                    .post(Registries.path(registry.name).add("listCredentials").toString(), Json.object());
            session.printer().print(answer, RegistryViews.CREDENTIALS, rows(answer));
        });
    }

    @Command(
            name = "renew",
            description = "Make a new value for one of the admin user's passwords and print it, this once.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth credential renew -n myreg --password-name password2"})
    int renew(
            @Mixin ApiOptions api,
            @Mixin RegistryName registry,
            @Option(
                            names = "--password-name",
                            required = true,
                            paramLabel = "password|password2",
                            converter = PasswordName.class,
                            completionCandidates = PasswordName.class,
                            description = "Which password to renew.")
                    String passwordName) {
        return Session.run(env, api, session -> {
            var body = Json.object().put("name", passwordName);
            var answer = session.client()
                    .post(
                            Registries.path(registry.name)
                                    .add("regenerateCredential")
                                    .toString(),
                            body);
            session.printer().print(answer, RegistryViews.RENEWED_CREDENTIALS, rows(answer));
            session.secretsShownOnce("the new value of " + passwordName + " is");
        });
    }

    /** One row per password, each with the user name. */
    private static List<JsonNode> rows(JsonNode credentials) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode password : credentials.path("passwords")) {
            ObjectNode row =
                    Json.object().put("username", credentials.path("username").asText());
            if (password instanceof ObjectNode fields) {
                row.setAll(fields);
            }
            rows.add(row);
        }
        return rows;
    }

    /** {@code --password-name}. */
    static final class PasswordName extends Choice {
        PasswordName() {
            super("password", "password2");
        }
    }
}
