package dev.berth.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** user and role assignment, and what a user without the role is told, against a real Berth. */
class AccessCommandsTest {
    @RegisterExtension
    static final RunningBerth berth = new RunningBerth();

    private final Cli cli = berth.cli();

    @Test
    void aUserMadeWithoutAPasswordGetsOnePrintedOnceThatSignsIn() {
        Cli.Result created = cli.ok("user", "create", "-n", "alice");

        List<String> row = created.rows().getFirst();
        assertEquals(List.of("alice", "false", "true"), row.subList(0, 3));
        assertTrue(created.err().contains("the generated password is shown this once"), created::describe);
        assertEquals(0, cli.as("alice", row.get(3)).run("list").exit(), "the password works");
        assertFalse(cli.ok("user", "show", "-n", "alice", "-o", "json")
                .json()
                .at("/properties")
                .has("password"));
    }

    @Test
    void aUserMadeWithAPasswordFromStandardInputUsesIt() {
        Cli.Result created = cli.piping("a-chosen-password\n").ok("user", "create", "-n", "bob", "--password-stdin");

        assertFalse(created.err().contains("shown this once"), created::describe);
        assertEquals(0, cli.as("bob", "a-chosen-password").run("list").exit());
        assertEquals(6, cli.run("user", "create", "-n", "bob").exit(), "the name is taken");
        assertEquals(
                2,
                cli.run("user", "create", "-n", "bobby", "-p", "x", "--password-stdin")
                        .exit());
    }

    @Test
    void usersAreListedUpdatedAndDeleted() {
        cli.ok("user", "create", "-n", "carol", "-p", "carols-password");

        List<String> names = cli.ok("user", "list", "-o", "tsv").lines().stream()
                .map(line -> line.split("\t")[0])
                .toList();
        JsonNode disabled = cli.ok("user", "update", "-n", "carol", "--enabled", "false", "-o", "json")
                .json();
        Cli.Result signInDisabled = cli.as("carol", "carols-password").run("list");
        cli.ok("user", "delete", "-n", "carol", "--yes");

        assertTrue(names.containsAll(List.of("admin", "carol")), names::toString);
        assertFalse(disabled.at("/properties/enabled").asBoolean());
        assertEquals(3, signInDisabled.exit(), signInDisabled::describe);
        assertEquals(5, cli.run("user", "show", "-n", "carol").exit());
        assertEquals(
                5, cli.run("user", "update", "-n", "carol", "--enabled", "true").exit(), "no PUT creates it");
        assertEquals(2, cli.run("user", "update", "-n", "admin").exit(), "nothing to change");
    }

    @Test
    void theLastInstallationAdministratorCannotBeDeleted() {
        Cli.Result refused = cli.run("user", "delete", "-n", "admin", "--yes");

        assertEquals(6, refused.exit(), refused::describe);
    }

    @Test
    void roleAssignmentsAreCreatedListedAndDeletedByIdOrByWhatTheyHold() {
        cli.ok("create", "-n", "roles", "--sku", "Basic");
        cli.ok("user", "create", "-n", "dave", "-p", "daves-password");

        Cli.Result reader = cli.ok(
                "role",
                "assignment",
                "create",
                "--assignee",
                "dave",
                "--role",
                "reader",
                "--scope",
                "/registries/roles");
        cli.ok(
                "role",
                "assignment",
                "create",
                "--assignee",
                "user:dave",
                "--role",
                "AcrPush",
                "--scope",
                "/registries/roles/repositories/app");
        List<List<String>> onRegistry = cli.ok("role", "assignment", "list", "--scope", "/registries/roles")
                .rows();
        JsonNode daves = cli.ok("role", "assignment", "list", "--assignee", "dave", "-o", "json")
                .json();
        cli.ok("role", "assignment", "delete", "--assignee", "dave", "--role", "AcrPush", "--yes");
        String readerId = reader.rows().getFirst().getFirst();
        cli.ok("role", "assignment", "delete", "--ids", readerId, "--yes");

        assertEquals(
                List.of("user:dave", "Reader", "/registries/roles"),
                reader.rows().getFirst().subList(1, 4));
        assertEquals(
                1,
                onRegistry.stream()
                        .filter(row -> row.get(1).equals("user:dave"))
                        .count(),
                onRegistry::toString);
        assertEquals(2, daves.size(), daves::toString);
        assertEquals(
                0,
                cli.ok("role", "assignment", "list", "--assignee", "dave")
                        .rows()
                        .size(),
                "both are gone");
        assertEquals(
                5,
                cli.run("role", "assignment", "delete", "--assignee", "dave", "--yes")
                        .exit());
        assertEquals(2, cli.run("role", "assignment", "delete", "--yes").exit(), "nothing says which");
        assertEquals(
                2,
                cli.run("role", "assignment", "create", "--assignee", "dave", "--role", "Admin", "--scope", "/")
                        .exit());
    }

    @Test
    void aReaderMayReadButIsRefusedChangesWith4AndUnreadableRegistriesAreNotFound() {
        cli.ok("create", "-n", "readable", "--sku", "Basic");
        cli.ok("create", "-n", "hidden", "--sku", "Basic");
        cli.ok("user", "create", "-n", "erin", "-p", "erins-password");
        cli.ok(
                "role",
                "assignment",
                "create",
                "--assignee",
                "erin",
                "--role",
                "Reader",
                "--scope",
                "/registries/readable");
        Cli erin = cli.as("erin", "erins-password");

        Cli.Result list = erin.ok("list", "-o", "tsv");
        Cli.Result tokenCreate =
                erin.run("token", "create", "-r", "readable", "-n", "erins-token", "--scope-map", "_repositories_pull");
        Cli.Result hidden = erin.run("show", "-n", "hidden");
        Cli.Result users = erin.run("user", "create", "-n", "frank");

        assertEquals(
                List.of("readable"),
                list.lines().stream().map(l -> l.split("\t")[0]).toList());
        assertEquals(4, tokenCreate.exit(), tokenCreate::describe);
        assertTrue(tokenCreate.err().contains("(AuthorizationFailed)"), tokenCreate::describe);
        assertEquals(5, hidden.exit(), hidden::describe);
        assertEquals(4, users.exit(), users::describe);
    }
}
