package dev.berth.cli.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.api.ApiException;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.CliFailure;
import dev.berth.cli.command.RegistryOption;
import dev.berth.cli.command.Session;
import dev.berth.cli.command.YesOption;
import dev.berth.cli.json.Json;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code berth token create|show|list|update|delete|credential}, as {@code az acr token}. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        description = {
            "Tokens: a user name (the token's name) and up to two passwords for a program, allowed what one scope"
                    + " map says."
        },
        subcommands = TokenCredentialCommand.class)
public final class TokenCommand {
    private final CliEnvironment env;

    public TokenCommand() {
        this(CliEnvironment.system());
    }

    TokenCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(
            name = "create",
            description = {
                "Create a token with two passwords (printed this once), bound to a scope map: one you name, or one"
                        + " made for it from --repository, called <token>-scope-map."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth token create -r myreg -n ci --scope-map _repositories_push",
                "  berth token create -r myreg -n puller --repository app content/read \\",
                "      metadata/read",
                "  berth token create -r myreg -n later --scope-map pull-app --status \\",
                "      disabled --no-passwords",
                "  docker login myreg.example.com -u ci -p <password1>"
            })
    int create(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Mixin Name name,
            @ArgGroup(multiplicity = "1") Scope scope,
            @Option(
                            names = "--status",
                            paramLabel = "enabled|disabled",
                            defaultValue = "enabled",
                            converter = TokenPaths.Status.class,
                            completionCandidates = TokenPaths.Status.class,
                            description = "Whether it may sign in (default: ${DEFAULT-VALUE}).")
                    String status,
            @Option(
                            names = "--no-passwords",
                            description = "Make no passwords; add them with 'token credential" + " generate'.")
                    boolean noPasswords) {
        return Session.run(env, api, session -> {
            String path = TokenPaths.token(registry.name(), name.value).toString();
            session.refuseIfExists(
                    path,
                    "token '" + name.value + "' already exists in registry '" + registry.name()
                            + "'; change it with 'berth token update'");
            String scopeMap = scope.scopeMap != null ? scope.scopeMap : createScopeMap(session, registry, name, scope);
            ObjectNode body = Json.object();
            body.putObject("properties").put("scopeMapId", scopeMap).put("status", status);
            JsonNode token;
            try {
                token = session.client().put(path + (noPasswords ? "?noPasswords=true" : ""), body);
            } catch (ApiException e) {
                if (scope.scopeMap == null) {
                    forget(session, registry, scopeMap);
                }
                throw e;
            }
            printWithPasswords(session, token);
        });
    }

    @Command(
            name = "show",
            description = "Show a token (without password values, which Berth does not keep).",
            footerHeading = "%nExamples:%n",
            footer = {"  berth token show -r myreg -n ci"})
    int show(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin Name name) {
        return Session.run(
                env,
                api,
                session -> session.showOne(
                        TokenPaths.token(registry.name(), name.value).toString(), TokenViews.TOKEN));
    }

    @Command(
            name = "list",
            description = "List the tokens.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth token list -r myreg", "  berth token list -r myreg -o tsv | cut -f1"})
    int list(@Mixin ApiOptions api, @Mixin RegistryOption registry) {
        return Session.run(
                env,
                api,
                session -> session.showList(TokenPaths.tokens(registry.name()).toString(), TokenViews.TOKEN));
    }

    @Command(
            name = "update",
            description = "Bind a token to another scope map, or enable or disable it.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth token update -r myreg -n ci --status disabled",
                "  berth token update -r myreg -n ci --scope-map _repositories_pull"
            })
    int update(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Mixin Name name,
            @Option(names = "--scope-map", paramLabel = "SCOPE_MAP", description = "The scope map to bind it to.")
                    String scopeMap,
            @Option(
                            names = "--status",
                            paramLabel = "enabled|disabled",
                            converter = TokenPaths.Status.class,
                            completionCandidates = TokenPaths.Status.class,
                            description = "Whether it may sign in.")
                    String status) {
        return Session.run(env, api, session -> {
            if (scopeMap == null && status == null) {
                throw session.usage("nothing to change: give --scope-map or --status");
            }
            ObjectNode properties = Json.object();
            if (scopeMap != null) {
                properties.put("scopeMapId", scopeMap);
            }
            if (status != null) {
                properties.put("status", status);
            }
            ObjectNode body = Json.object();
            body.set("properties", properties);
            String path = TokenPaths.token(registry.name(), name.value).toString();
            session.printer().one(session.client().patch(path, body), TokenViews.TOKEN);
        });
    }

    @Command(
            name = "delete",
            description = {
                "Delete a token; programs signed in with it lose access. Its scope map stays.",
                "Asks first; without a terminal, give --yes."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  berth token delete -r myreg -n ci --yes"})
    int delete(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin Name name, @Mixin YesOption yes) {
        return Session.run(
                env,
                api,
                session -> yes.deleteAfterAsking(
                        session,
                        "token '" + name.value + "'",
                        " of registry '" + registry.name() + "'",
                        TokenPaths.token(registry.name(), name.value).toString()));
    }

    /** Creates {@code <token>-scope-map} from {@code --repository}, as {@code az acr token create} does. */
    private static String createScopeMap(Session session, RegistryOption registry, Name name, Scope scope)
            throws CliFailure, ApiException {
        List<String> actions = ScopeMapCommand.actions(session, scope.repositories);
        String mapName = name.value + "-scope-map";
        String path = TokenPaths.scopeMap(registry.name(), mapName).toString();
        session.refuseIfExists(
                path,
                "scope map '" + mapName + "' already exists; give --scope-map " + mapName
                        + " to use it, or delete it first");
        String description = "Made by 'berth token create' for token " + name.value;
        session.client().put(path, ScopeMapCommand.body(actions, description));
        session.note("created scope map '" + mapName + "'");
        return mapName;
    }

    /** Deletes the scope map made for a token that could not be made, so a retry starts clean. */
    private static void forget(Session session, RegistryOption registry, String scopeMap) {
        try {
            session.client()
                    .delete(TokenPaths.scopeMap(registry.name(), scopeMap).toString());
            session.note("deleted scope map '" + scopeMap + "' again, since the token was not made");
        } catch (CliFailure | ApiException e) {
            session.note("could not delete scope map '" + scopeMap + "' again: " + e.getMessage());
        }
    }

    static void printWithPasswords(Session session, JsonNode token) {
        session.printer().print(token, TokenViews.TOKEN_WITH_PASSWORDS, TokenViews.perPassword(token));
        if (TokenViews.hasPasswordValues(token)) {
            session.secretsShownOnce("the passwords are");
        }
    }

    /** Either {@code --scope-map} or {@code --repository}. */
    static final class Scope {
        @Option(
                names = "--scope-map",
                paramLabel = "SCOPE_MAP",
                description = "The scope map to bind it to, e.g. _repositories_pull.")
        String scopeMap;

        @Option(
                names = "--repository",
                arity = "2..*",
                paramLabel = "REPOSITORY ACTION...",
                hideParamSyntax = true,
                description = ScopeMapCommand.REPOSITORY_HELP)
        List<String> repositories;
    }

    /** {@code -n/--name} of a token. */
    static final class Name {
        @Option(
                names = {"-n", "--name"},
                required = true,
                paramLabel = "NAME",
                description = "The token, which is also its user name.")
        String value;
    }
}
