package dev.berth.cli.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.api.ApiException;
import dev.berth.cli.api.ApiPath;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.Choice;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.CliFailure;
import dev.berth.cli.command.Exit;
import dev.berth.cli.command.Session;
import dev.berth.cli.command.YesOption;
import dev.berth.cli.json.Json;
import dev.berth.cli.output.Printer;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code berth role assignment create|list|delete}, through {@code /api/roleAssignments}. */
@Command(
        name = "assignment",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        description = {
            "Role assignments: a principal (user:NAME or servicePrincipal:ID) holds a role on a scope (/,"
                    + " /registries/R, or /registries/R/repositories/PATTERN)."
        })
public final class RoleAssignmentCommand {
    private static final String ASSIGNEE_HELP = "user:NAME or servicePrincipal:ID (a bare NAME means user:NAME).";

    private final CliEnvironment env;

    public RoleAssignmentCommand() {
        this(CliEnvironment.system());
    }

    RoleAssignmentCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(
            name = "create",
            description = "Give a principal a role on a scope.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth role assignment create --assignee user:alice --role AcrPush --scope \\",
                        "      /registries/myreg",
                "  berth role assignment create --assignee user:bob --role Owner --scope \\", "      /registries/myreg",
                "  berth role assignment create --assignee servicePrincipal:ci --role AcrPull \\",
                        "      --scope '/registries/myreg/repositories/team/*'",
                "  berth role assignment create --assignee user:carol --role Reader --scope /"
            })
    int create(
            @Mixin ApiOptions api,
            @Option(names = "--assignee", required = true, paramLabel = "PRINCIPAL", description = ASSIGNEE_HELP)
                    String assignee,
            @Option(
                            names = "--role",
                            required = true,
                            paramLabel = "ROLE",
                            converter = Role.class,
                            completionCandidates = Role.class,
                            description = "Owner, Contributor, Reader, AcrPull, AcrPush, AcrDelete or AcrImageSigner.")
                    String role,
            @Option(
                            names = "--scope",
                            required = true,
                            paramLabel = "SCOPE",
                            description = "/ (the installation), /registries/R, or /registries/R/repositories/PATTERN.")
                    String scope) {
        return Session.run(env, api, session -> {
            ObjectNode body = Json.object();
            body.putObject("properties")
                    .put("principalId", principal(assignee))
                    .put("roleDefinitionName", role)
                    .put("scope", scope);
            JsonNode created = session.client().post("/api/roleAssignments", body);
            session.printer().one(created, AccessViews.ROLE_ASSIGNMENT);
        });
    }

    @Command(
            name = "list",
            description = "List role assignments, all or those of an assignee or on a scope.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth role assignment list",
                "  berth role assignment list --scope /registries/myreg",
                "  berth role assignment list --assignee user:alice -o json"
            })
    int list(@Mixin ApiOptions api, @Mixin Filter filter) {
        return Session.run(env, api, session -> {
            JsonNode assignments = session.client().get(filter.path().toString());
            session.printer().list(assignments.path("value"), AccessViews.ROLE_ASSIGNMENT);
        });
    }

    @Command(
            name = "delete",
            description = {
                "Delete role assignments: by --ids, or every one that --assignee, --role and --scope all match.",
                "Asks first; without a terminal, give --yes."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth role assignment delete --ids 3f2a...",
                "  berth role assignment delete --assignee user:alice --role AcrPush --scope \\",
                "      /registries/myreg --yes"
            })
    int delete(
            @Mixin ApiOptions api,
            @Option(names = "--ids", paramLabel = "ID", split = ",", description = "The assignments' ids.")
                    List<String> ids,
            @Mixin Filter filter,
            @Option(
                            names = "--role",
                            paramLabel = "ROLE",
                            converter = Role.class,
                            completionCandidates = Role.class,
                            description = "Only assignments of this role.")
                    String role,
            @Mixin YesOption yes) {
        return Session.run(env, api, session -> {
            if (ids != null && (filter.isSet() || role != null)) {
                throw session.usage("give --ids, or --assignee/--role/--scope, not both");
            }
            List<String> doomed = ids != null ? ids : matching(session, filter, role);
            session.confirm(
                    "delete " + doomed.size() + " role assignment(s): " + String.join(", ", doomed), yes.given());
            for (String id : doomed) {
                session.client().delete(ApiPath.of("api", "roleAssignments", id).toString());
            }
            session.note("deleted " + doomed.size() + " role assignment(s)");
        });
    }

    private static List<String> matching(Session session, Filter filter, String role) throws CliFailure, ApiException {
        if (!filter.isSet() && role == null) {
            throw session.usage("give --ids, or at least one of --assignee, --role and --scope");
        }
        JsonNode all = session.client().get(filter.path().toString()).path("value");
        List<String> ids = Printer.rows(all).stream()
                .filter(a -> role == null
                        || role.equals(
                                a.path("properties").path("roleDefinitionName").asText()))
                .map(AccessViews::assignmentId)
                .toList();
        if (ids.isEmpty()) {
            throw new CliFailure(Exit.NOT_FOUND, "no role assignment matches");
        }
        return ids;
    }

    static String principal(String assignee) {
        return assignee.contains(":") ? assignee : "user:" + assignee;
    }

    /** {@code --assignee} and {@code --scope} as the filters of {@code GET /api/roleAssignments}. */
    static final class Filter {
        @Option(names = "--assignee", paramLabel = "PRINCIPAL", description = ASSIGNEE_HELP)
        String assignee;

        @Option(names = "--scope", paramLabel = "SCOPE", description = "Only assignments on exactly this scope.")
        String scope;

        boolean isSet() {
            return assignee != null || scope != null;
        }

        ApiPath path() {
            return ApiPath.of("api", "roleAssignments")
                    .query("scope", scope)
                    .query("principal", assignee == null ? null : principal(assignee));
        }
    }

    /** {@code --role}. */
    static final class Role extends Choice {
        Role() {
            super("Owner", "Contributor", "Reader", "AcrPull", "AcrPush", "AcrDelete", "AcrImageSigner");
        }
    }
}
