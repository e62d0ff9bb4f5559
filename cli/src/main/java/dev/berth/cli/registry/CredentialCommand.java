package dev.berth.cli.registry;

import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.Choice;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.Session;
import dev.berth.cli.json.Json;
import dev.berth.cli.output.PasswordRows;
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
            session.printer().print(answer, RegistryViews.CREDENTIALS, PasswordRows.of(answer));
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
            session.printer().print(answer, RegistryViews.RENEWED_CREDENTIALS, PasswordRows.of(answer));
            session.secretsShownOnce("the new value of " + passwordName + " is");
        });
    }

    /** {@code --password-name}. */
    static final class PasswordName extends Choice {
        PasswordName() {
            super("password", "password2");
        }
    }
}
