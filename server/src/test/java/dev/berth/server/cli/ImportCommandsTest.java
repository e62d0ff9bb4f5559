package dev.berth.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** import, from a registry of the same installation and from one named by its address, against a real Berth. */
class ImportCommandsTest {
    @RegisterExtension
    static final RunningBerth berth = new RunningBerth(Map.of("imports.insecureRegistries", "127.0.0.1"));

    /** Another installation on loopback, to import from by address: Berth never imports from its own port. */
    @RegisterExtension
    static final RunningBerth elsewhere = new RunningBerth();

    private static String image;

    private final Cli cli = berth.cli();

    @BeforeAll
    static void aSourceImage() throws Exception {
        berth.cli().ok("create", "-n", "source", "--sku", "Basic");
        berth.cli().ok("create", "-n", "target", "--sku", "Basic");
        image = new TestImages(berth, "source").push("team/app", "1.0", "a layer to import");
    }

    @Test
    void anImageOfAnotherRegistryHereKeepsItsRepositoryAndTagByDefault() {
        Cli.Result imported =
                cli.ok("import", "-r", "target", "--source-registry", "source", "--source", "team/app:1.0");

        List<String> row = imported.rows().getFirst();
        assertEquals(List.of(image, "team/app:1.0", "1"), row.subList(0, 3));
        assertEquals(
                image,
                cli.ok("manifest", "show", "-r", "target", "-n", "team/app:1.0", "-o", "tsv")
                        .out()
                        .split("\t")[0]);
    }

    @Test
    void targetTagsAndUntaggedRepositoriesAreWhereTheImageGoes() {
        JsonNode imported = cli.ok(
                        "import",
                        "-r",
                        "target",
                        "--source-registry",
                        "source",
                        "--source",
                        "team/app@" + image,
                        "-t",
                        "copies/app:a",
                        "-t",
                        "copies/app:b",
                        "--repository",
                        "copies/bare",
                        "-o",
                        "json")
                .json();

        assertEquals(image, imported.path("digest").asText());
        assertEquals(List.of("copies/app:a", "copies/app:b"), texts(imported.path("tags")));
        assertEquals(
                0,
                cli.run("manifest", "show", "-r", "target", "-n", "copies/bare@" + image)
                        .exit());
    }

    @Test
    void aTagThatPointsElsewhereIsKeptWith6UnlessForced() throws Exception {
        String other = new TestImages(berth, "target").push("moving", "1", "something else");

        Cli.Result refused = cli.run(
                "import", "-r", "target", "--source-registry", "source", "--source", "team/app:1.0", "-t", "moving:1");
        Cli.Result forced = cli.run(
                "import",
                "-r",
                "target",
                "--source-registry",
                "source",
                "--source",
                "team/app:1.0",
                "-t",
                "moving:1",
                "--force");

        assertEquals(6, refused.exit(), refused::describe);
        assertTrue(refused.err().contains("import with mode Force to move it (Conflict)"), refused::describe);
        assertEquals(0, forced.exit(), forced::describe);
        String now = cli.ok("manifest", "show", "-r", "target", "-n", "moving:1", "-o", "tsv")
                .out()
                .split("\t")[0];
        assertEquals(image, now);
        assertTrue(!now.equals(other), "the tag moved");
    }

    @Test
    void aRegistryNamedByItsAddressIsReadWithTheCredentialsGiven() throws Exception {
        // 127.0.0.1 names no registry, so the other Berth's default one answers there
        String remote = new TestImages(elsewhere, "default").push("remote/base", "7", "a remote layer");
        String source = "http://127.0.0.1:" + elsewhere.port() + "/remote/base:7";

        Cli.Result imported =
                cli.ok("import", "-r", "target", "--source", source, "-u", "admin", "-p", RunningBerth.ADMIN_PASSWORD);
        Cli.Result missing = cli.run(
                "import",
                "-r",
                "target",
                "--source",
                source.replace(":7", ":8"),
                "-u",
                "admin",
                "-p",
                RunningBerth.ADMIN_PASSWORD);
        Cli.Result refused = cli.run("import", "-r", "target", "--source", source, "-u", "admin", "-p", "wrong");

        assertEquals(
                List.of(remote, "remote/base:7"), imported.rows().getFirst().subList(0, 2));
        assertEquals(5, missing.exit(), missing::describe);
        assertTrue(missing.err().contains("(ImportSourceNotFound)"), missing::describe);
        assertEquals(2, refused.exit(), refused::describe);
        assertTrue(refused.err().contains("(ImportSourceDenied)"), refused::describe);
    }

    @Test
    void berthsOwnAddressIsRefusedByTheEgressPolicyThoughLoopbackIsAllowed() throws Exception {
        new TestImages(berth, "default").push("own/base", "1", "a layer of this server");
        String refusal = "egress to 127.0.0.1 is not allowed by the installation's egress policy (EgressRefused)";

        for (String source : List.of(
                "http://127.0.0.1:" + berth.port() + "/own/base:1", "127.0.0.1:" + berth.port() + "/own/base:1")) {
            Cli.Result refused = cli.run(
                    "import", "-r", "target", "--source", source, "-u", "admin", "-p", RunningBerth.ADMIN_PASSWORD);

            assertTrue(refused.exit() != 0, refused::describe);
            assertTrue(refused.err().contains(refusal), refused::describe);
        }
    }

    @Test
    void aSourceWithoutARegistryIsAUsageError() {
        Cli.Result bad = cli.run("import", "-r", "target", "--source", "team/app:1.0");

        assertEquals(2, bad.exit(), bad::describe);
        assertTrue(bad.err().contains("--source REGISTRY/REPOSITORY:TAG"), bad::describe);
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
