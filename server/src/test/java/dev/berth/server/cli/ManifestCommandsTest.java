package dev.berth.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The manifest commands that use the OCI API on a registry's login server ({@code show}, {@code list-referrers} by
 * digest), against a real Berth; this JVM resolves {@code <name>.localhost} (see {@link LocalhostSubdomains}).
 */
class ManifestCommandsTest {
    @RegisterExtension
    static final RunningBerth berth = new RunningBerth();

    private static String image;
    private static String signature;

    private final Cli cli = berth.cli();

    @BeforeAll
    static void images() throws Exception {
        berth.cli().ok("create", "-n", "shelf", "--sku", "Standard");
        TestImages images = new TestImages(berth, "shelf");
        image = images.push("team/app", "1.0", "layer one");
        signature = images.pushReferrer("team/app", image, "application/vnd.example.signature");
        images.pushReferrer("team/app", image, "application/vnd.example.sbom");
    }

    @Test
    void showPrintsTheManifestByTagOrByDigest() {
        Cli.Result table = cli.ok("manifest", "show", "-r", "shelf", "-n", "team/app:1.0");
        JsonNode json = cli.ok("manifest", "show", "-r", "shelf", "-n", "team/app@" + image, "-o", "json")
                .json();

        List<String> row = table.rows().getFirst();
        assertEquals(image, row.get(0));
        assertEquals(TestImages.MANIFEST, row.get(1));
        assertEquals(List.of("application/vnd.oci.image.config.v1+json", "1"), row.subList(2, 4));
        assertEquals(2, json.path("schemaVersion").asInt());
        assertEquals(1, json.path("layers").size());
    }

    @Test
    void showOfAMissingTagExitsWith5() {
        Cli.Result missing = cli.run("manifest", "show", "-r", "shelf", "-n", "team/app:nope");

        assertEquals(5, missing.exit(), missing::describe);
        assertTrue(missing.err().contains("(MANIFEST_UNKNOWN)"), missing::describe);
    }

    @Test
    void showNeedsATagOrADigest() {
        assertEquals(
                2, cli.run("manifest", "show", "-r", "shelf", "-n", "team/app").exit());
    }

    @Test
    void listReferrersListsTheArtifactsThatReferToAManifest() {
        Cli.Result all = cli.ok("manifest", "list-referrers", "-r", "shelf", "-n", "team/app@" + image);
        JsonNode signatures = cli.ok(
                        "manifest",
                        "list-referrers",
                        "-r",
                        "shelf",
                        "-n",
                        "team/app@" + image,
                        "--artifact-type",
                        "application/vnd.example.signature",
                        "-o",
                        "json")
                .json();

        assertEquals(2, all.rows().size(), all::describe);
        assertEquals(List.of(signature), signatures.path("manifests").findValuesAsText("digest"), signatures::toString);
        assertEquals(
                "application/vnd.oci.image.index.v1+json",
                signatures.path("mediaType").asText());
    }

    @Test
    void theDefaultRegistryIsReachedOnItsOwnLoginServer() throws Exception {
        String digest = new TestImages(berth, "default").push("base", "1", "default layer");

        Cli.Result shown = cli.ok("manifest", "show", "-n", "base:1", "-o", "tsv");

        assertEquals(digest, shown.out().split("\t")[0]);
    }
}
