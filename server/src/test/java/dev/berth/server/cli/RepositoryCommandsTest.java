package dev.berth.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * repository and the manifest commands over ACR's metadata API ({@code /api/registries/{r}/acr/v1}), against a real
 * Berth.
 */
class RepositoryCommandsTest {
    @RegisterExtension
    static final RunningBerth berth = new RunningBerth();

    private static String one;
    private static String two;

    private final Cli cli = berth.cli();

    @BeforeAll
    static void images() throws Exception {
        berth.cli().ok("create", "-n", "repos", "--sku", "Basic");
        TestImages images = new TestImages(berth, "repos");
        one = images.push("team/app", "1.0", "first");
        two = images.push("team/app", "2.0", "second");
        images.push("team/app", "latest", "second");
        images.push("other", "1", "other");
        for (int i = 0; i < 3; i++) {
            images.push("paged/r" + i, "t", "paged " + i);
        }
    }

    @Test
    void listPrintsTheRepositoriesAndTopCutsTheList() {
        List<String> all =
                cli.ok("repository", "list", "-r", "repos", "-o", "tsv").lines();
        JsonNode two = cli.ok("repository", "list", "-r", "repos", "--top", "2", "-o", "json")
                .json();

        assertEquals(List.of("other", "paged/r0", "paged/r1", "paged/r2", "team/app"), all);
        assertEquals(2, two.size());
        assertEquals("other", two.get(0).asText());
    }

    @Test
    void showPrintsARepositoryATagOrAManifest() {
        JsonNode repository = cli.ok("repository", "show", "-r", "repos", "-n", "team/app", "-o", "json")
                .json();
        Cli.Result tag = cli.ok("repository", "show", "-r", "repos", "--image", "team/app:1.0");
        JsonNode manifest = cli.ok("repository", "show", "-r", "repos", "--image", "team/app@" + one, "-o", "json")
                .json();

        assertEquals("team/app", repository.path("imageName").asText());
        assertEquals(3, repository.path("tagCount").asInt());
        assertEquals(List.of("1.0", one), tag.rows().getFirst().subList(0, 2));
        assertEquals(one, manifest.at("/manifest/digest").asText());
        assertEquals(2, cli.run("repository", "show", "-r", "repos").exit(), "neither -n nor --image");
        assertEquals(
                5,
                cli.run("repository", "show", "-r", "repos", "-n", "nothing/here")
                        .exit());
    }

    @Test
    void showTagsListsNamesOrDetailsInTheOrderAsked() {
        List<String> names = cli.ok("repository", "show-tags", "-r", "repos", "-n", "team/app", "-o", "tsv")
                .lines();
        JsonNode newest = cli.ok(
                        "repository",
                        "show-tags",
                        "-r",
                        "repos",
                        "-n",
                        "team/app",
                        "--detail",
                        "--orderby",
                        "time_desc",
                        "--top",
                        "1",
                        "-o",
                        "json")
                .json();

        assertEquals(List.of("1.0", "2.0", "latest"), names);
        assertEquals(1, newest.size());
        assertEquals(two, newest.get(0).path("digest").asText());
    }

    @Test
    void updateLocksATagAndUnlocksIt() {
        Cli.Result locked =
                cli.ok("repository", "update", "-r", "repos", "--image", "team/app:1.0", "--write-enabled", "false");
        Cli.Result untag = cli.run("repository", "untag", "-r", "repos", "--image", "team/app:1.0");
        JsonNode unlocked = cli.ok(
                        "repository",
                        "update",
                        "-r",
                        "repos",
                        "--image",
                        "team/app:1.0",
                        "--write-enabled",
                        "true",
                        "-o",
                        "json")
                .json();

        assertEquals("false", locked.rows().getFirst().get(4), locked::describe);
        assertEquals(4, untag.exit(), untag::describe);
        assertTrue(unlocked.at("/tag/changeableAttributes/writeEnabled").asBoolean());
        assertEquals(
                2,
                cli.run("repository", "update", "-r", "repos", "--image", "team/app:1.0")
                        .exit());
    }

    @Test
    void manifestListMetadataAndShowMetadataDescribeTheManifests() {
        Cli.Result listed = cli.ok("manifest", "list-metadata", "-r", "repos", "-n", "team/app");
        JsonNode shown = cli.ok("manifest", "show-metadata", "-r", "repos", "-n", "team/app:2.0", "-o", "json")
                .json();

        assertEquals(2, listed.rows().size(), listed::describe);
        assertTrue(listed.rows().stream()
                .anyMatch(row -> row.get(0).equals(two) && row.get(1).equals("2.0, latest")));
        assertEquals("linux/amd64", listed.rows().getFirst().get(2));
        assertEquals(two, shown.at("/manifest/digest").asText());
    }

    @Test
    void untagRemovesOnlyTheTag() throws Exception {
        String digest = new TestImages(berth, "repos").push("untagged", "a", "untag me");
        new TestImages(berth, "repos").push("untagged", "b", "untag me");

        Cli.Result untagged = cli.ok("repository", "untag", "-r", "repos", "--image", "untagged:a");

        assertEquals("berth repository untag: removed tag untagged:a\n", untagged.err());
        assertEquals(
                List.of("b"),
                cli.ok("repository", "show-tags", "-r", "repos", "-n", "untagged", "-o", "tsv")
                        .lines());
        assertEquals(
                0,
                cli.run("repository", "show", "-r", "repos", "--image", "untagged@" + digest)
                        .exit());
        assertEquals(
                2,
                cli.run("repository", "untag", "-r", "repos", "--image", "untagged@" + digest)
                        .exit());
    }

    @Test
    void deletingAnImageTakesItsManifestAndAllItsTagsAfterAsking() throws Exception {
        String digest = new TestImages(berth, "repos").push("gone", "x", "delete me");
        new TestImages(berth, "repos").push("gone", "y", "delete me");
        new TestImages(berth, "repos").push("gone", "z", "stays");

        Cli.Result asked = cli.typing("yes\n").run("repository", "delete", "-r", "repos", "--image", "gone:x");

        assertEquals(0, asked.exit(), asked::describe);
        assertTrue(asked.err().contains("delete gone@" + digest + " and its tags x, y?"), asked::describe);
        assertEquals(
                List.of("z"),
                cli.ok("repository", "show-tags", "-r", "repos", "-n", "gone", "-o", "tsv")
                        .lines());
        assertEquals(
                5,
                cli.run("manifest", "show-metadata", "-r", "repos", "-n", "gone@" + digest)
                        .exit());
    }

    @Test
    void deletingARepositoryTakesEverythingInItAndSaysWhat() throws Exception {
        new TestImages(berth, "repos").push("doomed", "1", "doomed");

        Cli.Result refused = cli.run("repository", "delete", "-r", "repos", "-n", "doomed");
        JsonNode deleted = cli.ok("repository", "delete", "-r", "repos", "-n", "doomed", "--yes", "-o", "json")
                .json();

        assertEquals(2, refused.exit(), refused::describe);
        assertEquals(1, deleted.path("manifestsDeleted").size());
        assertEquals("1", deleted.path("tagsDeleted").get(0).asText());
        assertEquals(
                5, cli.run("repository", "show", "-r", "repos", "-n", "doomed").exit());
        assertFalse(
                cli.ok("repository", "list", "-r", "repos", "-o", "tsv").lines().contains("doomed"));
    }

    @Test
    void manifestDeleteNeedsADigestOrTagAndConfirmation() throws Exception {
        String digest = new TestImages(berth, "repos").push("byhand", "1", "by hand");

        assertEquals(
                2, cli.run("manifest", "delete", "-r", "repos", "-n", "byhand").exit());
        cli.ok("manifest", "delete", "-r", "repos", "-n", "byhand@" + digest, "--yes");

        assertEquals(
                5,
                cli.run("manifest", "show-metadata", "-r", "repos", "-n", "byhand@" + digest)
                        .exit());
    }
}
