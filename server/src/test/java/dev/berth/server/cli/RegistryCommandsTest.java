package dev.berth.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** check-name, create, list, show, update, delete, show-usage, credential and network-rule against a real Berth. */
class RegistryCommandsTest {
    @RegisterExtension
    static final RunningBerth berth = new RunningBerth();

    private final Cli cli = berth.cli();

    @Test
    void checkNameSaysWhetherANameIsFree() {
        cli.ok("create", "-n", "takenname", "--sku", "Basic");

        JsonNode free = cli.ok("check-name", "-n", "freename", "-o", "json").json();
        JsonNode taken = cli.ok("check-name", "-n", "TakenName", "-o", "json").json();
        Cli.Result invalid = cli.ok("check-name", "-n", "no");

        assertTrue(free.path("nameAvailable").asBoolean());
        assertFalse(taken.path("nameAvailable").asBoolean());
        assertEquals("AlreadyExists", taken.path("reason").asText());
        assertEquals(List.of("false", "Invalid"), invalid.rows().getFirst().subList(0, 2));
    }

    @Test
    void createPrintsTheRegistryAsATableOrAsJson() {
        Cli.Result table = cli.ok("create", "-n", "tableone", "--sku", "standard", "--admin-enabled");
        JsonNode json = cli.ok("create", "-n", "jsonone", "--sku", "Premium", "-o", "json")
                .json();

        assertEquals(
                List.of(
                        "NAME",
                        "SKU",
                        "LOGIN SERVER",
                        "CREATION DATE",
                        "ADMIN ENABLED",
                        "ANONYMOUS PULL",
                        "PUBLIC NETWORK",
                        "DEFAULT ACTION"),
                List.of(table.lines().getFirst().split(" {2,}")));
        assertTrue(table.lines().get(1).matches("-+( +-+)+"), table::describe);
        List<String> row = table.rows().getFirst();
        assertEquals(List.of("tableone", "Standard", "tableone.localhost:" + berth.port()), row.subList(0, 3));
        assertEquals("true", row.get(4), "admin enabled");
        assertEquals("jsonone", json.path("name").asText());
        assertEquals("Premium", json.path("sku").path("name").asText());
        assertEquals("/registries/jsonone", json.path("id").asText());
    }

    @Test
    void createRefusesANameThatIsTakenWith6AndABadNameWith2() {
        cli.ok("create", "-n", "twiceover", "--sku", "Basic");

        Cli.Result again = cli.run("create", "-n", "twiceover", "--sku", "Premium");
        Cli.Result bad = cli.run("create", "-n", "no-dashes-here", "--sku", "Basic");

        assertEquals(6, again.exit(), again::describe);
        assertTrue(again.err().startsWith("berth create: registry 'twiceover' already exists"), again::describe);
        assertEquals(
                "Basic",
                cli.ok("show", "-n", "twiceover", "-o", "json")
                        .json()
                        .at("/sku/name")
                        .asText());
        assertEquals(2, bad.exit(), bad::describe);
        assertTrue(bad.err().contains("(InvalidRequest)"), bad::describe);
    }

    @Test
    void listPrintsEveryRegistryAsTableJsonOrTsv() {
        cli.ok("create", "-n", "listedone", "--sku", "Basic");

        List<String> tsvNames = cli.ok("list", "-o", "tsv").lines().stream()
                .map(line -> line.split("\t")[0])
                .toList();
        JsonNode json = cli.ok("list", "-o", "json").json();

        assertTrue(tsvNames.containsAll(List.of("default", "listedone")), tsvNames::toString);
        assertTrue(json.isArray());
        assertEquals(tsvNames.size(), json.size());
    }

    @Test
    void showOfAMissingRegistryExitsWith5() {
        Cli.Result missing = cli.run("show", "-n", "nosuchregistry");

        assertEquals(5, missing.exit(), missing::describe);
        assertEquals("", missing.out());
        assertEquals("berth show: registry 'nosuchregistry' not found (ResourceNotFound)\n", missing.err());
    }

    @Test
    void updateChangesOnlyWhatIsGiven() {
        cli.ok("create", "-n", "updated", "--sku", "Basic");

        JsonNode changed = cli.ok(
                        "update",
                        "-n",
                        "updated",
                        "--sku",
                        "Standard",
                        "--anonymous-pull-enabled",
                        "true",
                        "-o",
                        "json")
                .json();
        assertEquals(
                6,
                cli.run("update", "-n", "updated", "--public-network-enabled", "false")
                        .exit(),
                "network rules are Premium's");
        JsonNode again = cli.ok(
                        "update",
                        "-n",
                        "updated",
                        "--sku",
                        "Premium",
                        "--public-network-enabled",
                        "false",
                        "-o",
                        "json")
                .json();

        assertEquals("Standard", changed.at("/sku/name").asText());
        assertTrue(changed.at("/properties/anonymousPullEnabled").asBoolean());
        assertEquals("Disabled", again.at("/properties/publicNetworkAccess").asText());
        assertTrue(again.at("/properties/anonymousPullEnabled").asBoolean(), "kept");
        assertEquals(2, cli.run("update", "-n", "updated").exit(), "nothing to change");
    }

    @Test
    void aFeatureTheTierLacksIsRefusedWith6() {
        cli.ok("create", "-n", "basicone", "--sku", "Basic");

        Cli.Result anonymous = cli.run("update", "-n", "basicone", "--anonymous-pull-enabled", "true");

        assertEquals(6, anonymous.exit(), anonymous::describe);
        assertTrue(anonymous.err().contains("(FeatureNotSupported)"), anonymous::describe);
    }

    @Test
    void networkRulesAreAddedListedAndRemovedAndKeptByDefaultActionChanges() {
        cli.ok("create", "-n", "fenced", "--sku", "Premium");

        cli.ok("network-rule", "add", "-r", "fenced", "--ip-address", "10.1.2.3/8");
        cli.ok("network-rule", "add", "-r", "fenced", "--ip-address", "203.0.113.7");
        cli.ok("update", "-n", "fenced", "--default-action", "deny");
        Cli.Result list = cli.ok("network-rule", "list", "-r", "fenced");
        JsonNode json =
                cli.ok("network-rule", "list", "-r", "fenced", "-o", "json").json();
        cli.ok("network-rule", "remove", "-r", "fenced", "--ip-address", "203.0.113.7/32");
        Cli.Result missing = cli.run("network-rule", "remove", "-r", "fenced", "--ip-address", "192.0.2.1");

        assertEquals(List.of(List.of("Allow", "10.0.0.0/8"), List.of("Allow", "203.0.113.7")), list.rows());
        assertEquals("Deny", json.path("defaultAction").asText());
        assertEquals(2, json.path("ipRules").size());
        assertEquals(
                "10.0.0.0/8\n",
                cli.ok("network-rule", "list", "-r", "fenced", "-o", "tsv")
                        .out()
                        .split("\t")[1]);
        assertEquals(5, missing.exit(), missing::describe);
    }

    @Test
    void aTierChangeTheRegistryCannotHoldIsRefusedWith6() {
        cli.ok("create", "-n", "shrinking", "--sku", "Premium");
        cli.ok("network-rule", "add", "-r", "shrinking", "--ip-address", "198.51.100.0/24");

        Cli.Result downgrade = cli.run("update", "-n", "shrinking", "--sku", "Basic");

        assertEquals(6, downgrade.exit(), downgrade::describe);
        assertTrue(downgrade.err().contains("(Conflict)"), downgrade::describe);
    }

    @Test
    void showUsageListsTheTiersLimitsAndWhatIsUsed() {
        cli.ok("create", "-n", "measured", "--sku", "Basic");

        Cli.Result usage = cli.ok("show-usage", "-n", "measured");
        JsonNode json = cli.ok("show-usage", "-n", "measured", "-o", "json").json();

        assertEquals("NAME", usage.lines().getFirst().split(" ")[0]);
        assertTrue(usage.rows().stream().anyMatch(row -> row.getFirst().equals("Tokens")), usage::describe);
        assertTrue(json.isArray());
        assertEquals("Bytes", json.get(0).path("unit").asText());
    }

    @Test
    void credentialRenewPrintsTheNewPasswordOnceAndShowListsOnlyNames() {
        cli.ok("create", "-n", "credited", "--sku", "Basic", "--admin-enabled", "true");

        Cli.Result renew = cli.ok("credential", "renew", "-n", "credited", "--password-name", "password2");
        JsonNode shown =
                cli.ok("credential", "show", "-n", "credited", "-o", "json").json();

        List<String> row = renew.rows().stream()
                .filter(r -> r.get(1).equals("password2"))
                .findFirst()
                .orElseThrow();
        assertEquals("credited", row.get(0));
        assertTrue(row.get(2).length() >= 20, "the value: " + row);
        assertTrue(renew.err().contains("shown this once"), renew::describe);
        assertEquals("credited", shown.path("username").asText());
        shown.path("passwords").forEach(p -> assertFalse(p.has("value"), shown::toString));
        assertEquals(
                2,
                cli.run("credential", "renew", "-n", "credited", "--password-name", "password3")
                        .exit());
    }

    @Test
    void deleteAsksAtATerminalAndRefusesWithoutOne() {
        cli.ok("create", "-n", "doomedone", "--sku", "Basic");

        Cli.Result piped = cli.piping("y\n").run("delete", "-n", "doomedone");
        Cli.Result no = cli.typing("n\n").run("delete", "-n", "doomedone");
        boolean stillThere = cli.run("show", "-n", "doomedone").exit() == 0;
        Cli.Result yes = cli.typing("y\n").run("delete", "-n", "doomedone");

        assertEquals(2, piped.exit(), piped::describe);
        assertTrue(piped.err().contains("without --yes"), piped::describe);
        assertEquals(1, no.exit(), no::describe);
        assertTrue(no.err().contains("Are you sure you want to delete registry 'doomedone'"), no::describe);
        assertTrue(stillThere);
        assertEquals(0, yes.exit(), yes::describe);
        assertEquals(5, cli.run("show", "-n", "doomedone").exit());
    }

    @Test
    void deleteWithYesAsksNothing() {
        cli.ok("create", "-n", "doomedtwo", "--sku", "Basic");

        Cli.Result deleted = cli.ok("delete", "-n", "doomedtwo", "--yes");

        assertEquals("berth delete: deleted registry 'doomedtwo'\n", deleted.err());
        assertEquals(5, cli.run("delete", "-n", "doomedtwo", "--yes").exit());
    }
}
