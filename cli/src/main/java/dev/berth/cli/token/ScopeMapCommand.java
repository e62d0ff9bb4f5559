package dev.berth.cli.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.RegistryOption;
import dev.berth.cli.command.Session;
import dev.berth.cli.command.YesOption;
import dev.berth.cli.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code berth scope-map create|show|list|update|delete}, as {@code az acr scope-map}. */
@Command(
        name = "scope-map",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        description = {
            "Scope maps: which actions on which repositories a token may take. The system maps"
                    + " (_repositories_admin, _repositories_pull, _repositories_push) cannot be changed."
        })
public final class ScopeMapCommand {
    static final String REPOSITORY_HELP = "A repository (a name, prefix/*, or *) and its actions: content/read,"
            + " content/write, content/delete, metadata/read, metadata/write. Repeat for more repositories.";

    private final CliEnvironment env;

    public ScopeMapCommand() {
        this(CliEnvironment.system());
    }

    ScopeMapCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(
            name = "create",
            description = "Create a scope map.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth scope-map create -r myreg -n pull-app --repository app content/read \\",
                "      metadata/read",
                "  berth scope-map create -r myreg -n ci --repository 'team/*' content/read \\",
                "      content/write --repository base content/read --description 'CI pipelines'"
            })
    int create(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Mixin Name name,
            @Option(
                            names = "--repository",
                            required = true,
                            arity = "2..*",
                            paramLabel = "REPOSITORY ACTION...",
                            hideParamSyntax = true,
                            description = REPOSITORY_HELP)
                    List<String> repositories,
            @Option(names = "--description", paramLabel = "TEXT", description = "What it is for.") String description) {
        return Session.run(env, api, session -> {
            List<String> actions = actions(session, repositories);
            String path = TokenPaths.scopeMap(registry.name(), name.value).toString();
            session.refuseIfExists(
                    path, "scope map '" + name.value + "' already exists; change it with 'berth scope-map update'");
            session.printer().one(session.client().put(path, body(actions, description)), TokenViews.SCOPE_MAP);
        });
    }

    @Command(
            name = "update",
            description = "Add or remove repository actions, or change the description.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth scope-map update -r myreg -n pull-app --add-repository app \\", "      content/write",
                "  berth scope-map update -r myreg -n pull-app --remove-repository app \\", "      content/write"
            })
    int update(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Mixin Name name,
            @Option(
                            names = "--add-repository",
                            arity = "2..*",
                            paramLabel = "REPOSITORY ACTION...",
                            hideParamSyntax = true,
                            description = "Actions to add: " + REPOSITORY_HELP)
                    List<String> add,
            @Option(
                            names = "--remove-repository",
                            arity = "2..*",
                            paramLabel = "REPOSITORY ACTION...",
                            hideParamSyntax = true,
                            description = "Actions to remove, in the same form.")
                    List<String> remove,
            @Option(names = "--description", paramLabel = "TEXT", description = "What it is for.") String description) {
        return Session.run(env, api, session -> {
            if (add == null && remove == null && description == null) {
                throw session.usage("nothing to change: give --add-repository, --remove-repository or --description");
            }
            var client = session.client();
            String path = TokenPaths.scopeMap(registry.name(), name.value).toString();
            Set<String> actions = new LinkedHashSet<>();
            client.get(path).path("properties").path("actions").forEach(a -> actions.add(a.asText()));
            actions.addAll(add == null ? List.of() : actions(session, add));
            actions.removeAll(remove == null ? List.of() : actions(session, remove));
            ObjectNode body = body(new ArrayList<>(actions), description);
            session.printer().one(client.patch(path, body), TokenViews.SCOPE_MAP);
        });
    }

    @Command(
            name = "show",
            description = "Show a scope map.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth scope-map show -r myreg -n pull-app -o json"})
    int show(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin Name name) {
        return Session.run(
                env,
                api,
                session -> session.showOne(
                        TokenPaths.scopeMap(registry.name(), name.value).toString(), TokenViews.SCOPE_MAP));
    }

    @Command(
            name = "list",
            description = "List the scope maps, the system ones included.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth scope-map list -r myreg"})
    int list(@Mixin ApiOptions api, @Mixin RegistryOption registry) {
        return Session.run(
                env,
                api,
                session ->
                        session.showList(TokenPaths.scopeMaps(registry.name()).toString(), TokenViews.SCOPE_MAP));
    }

    @Command(
            name = "delete",
            description = {
                "Delete a scope map; refused (exit code 6) while a token uses it.",
                "Asks first; without a terminal, give --yes."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  berth scope-map delete -r myreg -n pull-app --yes"})
    int delete(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin Name name, @Mixin YesOption yes) {
        return Session.run(
                env,
                api,
                session -> yes.deleteAfterAsking(
                        session,
                        "scope map '" + name.value + "'",
                        " of registry '" + registry.name() + "'",
                        TokenPaths.scopeMap(registry.name(), name.value).toString()));
    }

    static ObjectNode body(List<String> actions, String description) {
        ObjectNode body = Json.object();
        ObjectNode properties = body.putObject("properties");
        if (description != null) {
            properties.put("description", description);
        }
        actions.forEach(properties.putArray("actions")::add);
        return body;
    }

    static List<String> actions(Session session, List<String> values) {
        try {
            return RepositoryActions.parse(values);
        } catch (IllegalArgumentException e) {
            throw session.usage(e.getMessage());
        }
    }

    /** {@code -n/--name} of a scope map. */
    static final class Name {
        @Option(
                names = {"-n", "--name"},
                required = true,
                paramLabel = "NAME",
                description = "The scope map.")
        String value;
    }
}
