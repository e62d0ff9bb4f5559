package dev.berth.cli.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.RegistryOption;
import dev.berth.cli.command.Session;
import dev.berth.cli.command.YesOption;
import dev.berth.cli.json.Json;
import dev.berth.cli.output.PasswordRows;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code berth token credential generate|delete}: a token's passwords, by {@code POST .../generateCredentials} and
 * {@code POST .../tokens/{name}/deletePassword}.
 */
@Command(
        name = "credential",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        description = "A token's two passwords, password1 and password2.")
public final class TokenCredentialCommand {
    private final CliEnvironment env;

    public TokenCredentialCommand() {
        this(CliEnvironment.system());
    }

    TokenCredentialCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(
            name = "generate",
            description = {
                "Make new values for a token's passwords (both unless --password1 or --password2) and print them,"
                        + " this once. The old values stop working."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth token credential generate -r myreg -n ci --password1 \\", "      --expiration-in-days 30",
                "  berth token credential generate -r myreg -n ci --expiration \\", "      2027-01-01T00:00:00Z -o json"
            })
    int generate(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Mixin TokenCommand.Name name,
            @Mixin Which which,
            @ArgGroup Expiry expiry) {
        return Session.run(env, api, session -> {
            String until = expiry == null ? null : expiry.instant(session);
            ArrayNode passwords = Json.array();
            JsonNode answer = Json.object();
            for (String password : which.names()) {
                ObjectNode body = Json.object().put("tokenId", name.value).put("name", password);
                if (until != null) {
                    body.put("expiry", until);
                }
                String path = TokenPaths.registry(registry.name())
                        .add("generateCredentials")
                        .toString();
                answer = session.client().post(path, body);
                answer.path("passwords").forEach(passwords::add);
            }
            ObjectNode combined =
                    Json.object().put("username", answer.path("username").asText(name.value));
            combined.set("passwords", passwords);
            session.printer().print(combined, TokenViews.GENERATED, PasswordRows.of(combined));
            session.secretsShownOnce("the passwords are");
        });
    }

    @Command(
            name = "delete",
            description = {
                "Delete one of a token's passwords; programs using it lose access.",
                "Asks first; without a terminal, give --yes."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  berth token credential delete -r myreg -n ci --password2 --yes"})
    int delete(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Mixin TokenCommand.Name name,
            @ArgGroup(multiplicity = "1") OnePassword which,
            @Mixin YesOption yes) {
        return Session.run(env, api, session -> {
            String password = which.password1 ? "password1" : "password2";
            session.confirm("delete " + password + " of token '" + name.value + "'", yes.given());
            String path = TokenPaths.token(registry.name(), name.value)
                    .add("deletePassword")
                    .toString();
            JsonNode token = session.client().post(path, Json.object().put("name", password));
            session.printer().one(token, TokenViews.TOKEN);
        });
    }

    /** {@code --password1}, {@code --password2}: which to generate; neither means both. */
    static final class Which {
        @Option(names = "--password1", description = "Generate password1.")
        boolean password1;

        @Option(names = "--password2", description = "Generate password2.")
        boolean password2;

        List<String> names() {
            List<String> names = new ArrayList<>();
            if (password1 || !password2) {
                names.add("password1");
            }
            if (password2 || !password1) {
                names.add("password2");
            }
            return names;
        }
    }

    /** Exactly one of {@code --password1} and {@code --password2}. */
    static final class OnePassword {
        @Option(names = "--password1", required = true, description = "password1.")
        boolean password1;

        @Option(names = "--password2", required = true, description = "password2.")
        boolean password2;
    }

    /** {@code --expiration-in-days N} or {@code --expiration DATETIME}. */
    static final class Expiry {
        @Option(names = "--expiration-in-days", paramLabel = "DAYS", description = "Expire this many days from now.")
        Integer days;

        @Option(
                names = "--expiration",
                paramLabel = "DATETIME",
                description = "Expire at this UTC time, e.g. 2027-01-01T00:00:00Z.")
        String at;

        String instant(Session session) {
            if (days != null) {
                if (days < 1) {
                    throw session.usage("--expiration-in-days must be at least 1");
                }
                return Instant.now()
                        .plus(days, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString();
            }
            try {
                return OffsetDateTime.parse(at)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toInstant()
                        .toString();
            } catch (DateTimeParseException e) {
                throw session.usage("--expiration: '" + at + "' is not a date and time such as 2027-01-01T00:00:00Z");
            }
        }
    }
}
