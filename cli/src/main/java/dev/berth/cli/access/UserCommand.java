package dev.berth.cli.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.api.ApiPath;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.CliFailure;
import dev.berth.cli.command.Exit;
import dev.berth.cli.command.Session;
import dev.berth.cli.command.StandardInput;
import dev.berth.cli.command.YesOption;
import dev.berth.cli.json.Json;
import java.io.IOException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code berth user create|list|show|update|delete}, through {@code /api/users}. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        description = {
            "Users: people who sign in with a name and password. Managing them is for installation administrators."
        })
public final class UserCommand {
    private final CliEnvironment env;

    public UserCommand() {
        this(CliEnvironment.system());
    }

    UserCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(
            name = "create",
            description = {
                "Create a user. Without a password, Berth makes one and it is printed this once.",
                "A new user may do nothing until given a role: 'berth role assignment create'."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth user create -n alice",
                "  printf '%%s' \"$PASSWORD\" | berth user create -n bob --password-stdin",
                "  berth user create -n carol --installation-admin"
            })
    int create(
            @Mixin ApiOptions api,
            @Mixin Name name,
            @Mixin Password password,
            @Option(names = "--installation-admin", description = "May do everything, users included.")
                    boolean installationAdmin) {
        return Session.run(env, api, session -> {
            String path = path(name).toString();
            session.refuseIfExists(path, "user '" + name.value + "' already exists");
            ObjectNode properties = Json.object().put("installationAdmin", installationAdmin);
            password.value(session).ifPresent(secret -> properties.put("password", secret));
            JsonNode user = session.client().put(path, body(properties));
            session.printer().one(user, AccessViews.USER_WITH_PASSWORD);
            if (!generatedPassword(user).isMissingNode()) {
                session.secretsShownOnce("the generated password is");
            }
        });
    }

    @Command(
            name = "list",
            description = "List the users.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth user list"})
    int list(@Mixin ApiOptions api) {
        return Session.run(env, api, session -> session.showList("/api/users", AccessViews.USER));
    }

    @Command(
            name = "show",
            description = "Show a user.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth user show -n alice -o json"})
    int show(@Mixin ApiOptions api, @Mixin Name name) {
        return Session.run(env, api, session -> session.showOne(path(name).toString(), AccessViews.USER));
    }

    @Command(
            name = "update",
            description = "Set a user's password, turn the user off or on, or make them an installation administrator.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth user update -n alice --enabled false",
                "  printf '%%s' \"$NEW\" | berth user update -n alice --password-stdin",
                "  berth user update -n alice --installation-admin true"
            })
    int update(
            @Mixin ApiOptions api,
            @Mixin Name name,
            @Mixin Password password,
            @Option(
                            names = "--installation-admin",
                            arity = "1",
                            paramLabel = "true|false",
                            description = "Whether the user may do everything.")
                    Boolean installationAdmin,
            @Option(
                            names = "--enabled",
                            arity = "1",
                            paramLabel = "true|false",
                            description = "Whether the user may sign in.")
                    Boolean enabled) {
        return Session.run(env, api, session -> {
            ObjectNode properties = Json.object();
            password.value(session).ifPresent(secret -> properties.put("password", secret));
            if (installationAdmin != null) {
                properties.put("installationAdmin", installationAdmin);
            }
            if (enabled != null) {
                properties.put("enabled", enabled);
            }
            if (properties.isEmpty()) {
                throw session.usage("nothing to change: give --password, --enabled or --installation-admin");
            }
            String path = path(name).toString();
            session.client().get(path); // a PUT would create the user
            session.printer().one(session.client().put(path, body(properties)), AccessViews.USER);
        });
    }

    @Command(
            name = "delete",
            description = {
                "Delete a user; the last installation administrator cannot be deleted.",
                "Asks first; without a terminal, give --yes."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  berth user delete -n alice --yes"})
    int delete(@Mixin ApiOptions api, @Mixin Name name, @Mixin YesOption yes) {
        return Session.run(
                env,
                api,
                session -> yes.deleteAfterAsking(
                        session, "user '" + name.value + "'", "", path(name).toString()));
    }

    /** The password the server made for a new user: {@code properties.password}, or top-level {@code password}. */
    static JsonNode generatedPassword(JsonNode user) {
        JsonNode inProperties = user.path("properties").path("password");
        return inProperties.isTextual() ? inProperties : user.path("password");
    }

    private static ApiPath path(Name name) {
        return ApiPath.of("api", "users", name.value);
    }

    private static ObjectNode body(ObjectNode properties) {
        ObjectNode body = Json.object();
        body.set("properties", properties);
        return body;
    }

    /** {@code -n/--name} of a user. */
    static final class Name {
        @Option(
                names = {"-n", "--name"},
                required = true,
                paramLabel = "NAME",
                description = "The user's name.")
        String value;
    }

    /** {@code -p/--password} or {@code --password-stdin}. */
    static final class Password {
        @Option(
                names = {"-p", "--password"},
                paramLabel = "PASSWORD",
                description = "The password. Others on this machine may see it; prefer --password-stdin.")
        String value;

        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean stdin;

        Optional<String> value(Session session) throws CliFailure {
            if (value != null && stdin) {
                throw session.usage("give the password with --password or --password-stdin, not both");
            }
            if (!stdin) {
                return Optional.ofNullable(value);
            }
            try {
                String text = StandardInput.secret(session.stdin());
                if (text.isEmpty()) {
                    throw session.usage("standard input held no password");
                }
                return Optional.of(text);
            } catch (IOException e) {
                throw new CliFailure(Exit.OTHER, "cannot read standard input: " + e.getMessage());
            }
        }
    }
}
