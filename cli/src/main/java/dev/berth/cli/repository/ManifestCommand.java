package dev.berth.cli.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.api.ApiPath;
import dev.berth.cli.api.ApiResponse;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.ImageReference;
import dev.berth.cli.command.RegistryOption;
import dev.berth.cli.command.Session;
import dev.berth.cli.command.YesOption;
import dev.berth.cli.json.Json;
import dev.berth.cli.output.Printer;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code berth manifest list-metadata|show-metadata|show|list-referrers|delete}, as {@code az acr manifest}. The
 * metadata comes from {@code /api/registries/{r}/acr/v1}; the manifest itself and its referrers from the OCI API on
 * the login server.
 */
@Command(
        name = "manifest",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        description = "The manifests of a repository: metadata, content, referrers.")
public final class ManifestCommand {
    private final CliEnvironment env;

    public ManifestCommand() {
        this(CliEnvironment.system());
    }

    ManifestCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(
            name = "list-metadata",
            description = "List a repository's manifests: digest, tags, platform, size, attributes.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth manifest list-metadata -r myreg -n team/app",
                "  berth manifest list-metadata -r myreg -n team/app --orderby time_desc \\",
                "      --top 3 -o json"
            })
    int listMetadata(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin Listing listing) {
        return Session.run(env, api, session -> {
            ApiPath manifests =
                    Acr.repository(registry.name(), listing.repository).add("_manifests");
            List<JsonNode> found = Acr.all(
                    session.client(),
                    manifests,
                    listing.query(),
                    "manifests",
                    m -> m.path("digest").asText(),
                    listing.top.n);
            session.printer().list(found, RepositoryViews.MANIFEST);
        });
    }

    @Command(
            name = "show-metadata",
            description = "Show one manifest's metadata and attributes.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth manifest show-metadata -r myreg -n team/app:1.0"})
    int showMetadata(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin Image image) {
        return Session.run(env, api, session -> {
            ImageReference ref = image.resolve(session);
            var client = session.client();
            String digest = Acr.digestOf(client, registry.name(), ref);
            JsonNode answer = client.get(
                    Acr.manifest(registry.name(), ref.repository(), digest).toString());
            session.printer().print(answer, RepositoryViews.MANIFEST, List.of(answer.path("manifest")));
        });
    }

    @Command(
            name = "show",
            description = "Show a manifest itself (the JSON the registry serves, with -o json).",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth manifest show -r myreg -n team/app:1.0",
                "  berth manifest show -r myreg -n team/app@sha256:... -o json"
            })
    int show(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin Image image) {
        return Session.run(env, api, session -> {
            ImageReference ref = image.resolve(session);
            DataPlane data = DataPlane.of(session.client(), registry.name());
            ApiResponse response =
                    data.manifest(ref.repository(), ref.reference().orElseThrow());
            JsonNode manifest = response.json();
            ObjectNode row = Json.object()
                    .put("digest", response.header("Docker-Content-Digest").orElse(""))
                    .put("mediaType", response.header("Content-Type").orElse(""));
            if (manifest instanceof ObjectNode fields) {
                row.setAll(fields);
            }
            session.printer().print(manifest, RepositoryViews.MANIFEST_CONTENT, List.of(row));
        });
    }

    @Command(
            name = "list-referrers",
            description = {
                "List the artifacts that refer to a manifest (signatures, SBOMs, attestations): the OCI referrers API"
                        + " on the registry's login server."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth manifest list-referrers -r myreg -n team/app:1.0",
                "  berth manifest list-referrers -r myreg -n team/app@sha256:... \\",
                "      --artifact-type application/vnd.cncf.notary.signature"
            })
    int listReferrers(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Mixin Image image,
            @Option(names = "--artifact-type", paramLabel = "TYPE", description = "Only referrers of this type.")
                    String artifactType) {
        return Session.run(env, api, session -> {
            ImageReference ref = image.resolve(session);
            var client = session.client();
            String digest = Acr.digestOf(client, registry.name(), ref);
            JsonNode index = DataPlane.of(client, registry.name())
                    .referrers(ref.repository(), digest, artifactType)
                    .json();
            session.printer().print(index, RepositoryViews.REFERRER, Printer.rows(index.path("manifests")));
        });
    }

    @Command(
            name = "delete",
            description = {
                "Delete a manifest and every tag that points at it. Asks first; without a terminal, give --yes."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  berth manifest delete -r myreg -n team/app@sha256:... --yes"})
    int delete(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin Image image, @Mixin YesOption yes) {
        return Session.run(
                env, api, session -> Images.delete(session, registry.name(), image.resolve(session), yes.given()));
    }

    /** {@code -n/--name REPOSITORY:TAG|REPOSITORY@DIGEST}, as {@code az acr manifest} takes it. */
    static final class Image {
        @Option(
                names = {"-n", "--name"},
                required = true,
                paramLabel = "REPOSITORY:TAG|REPOSITORY@DIGEST",
                converter = ImageReference.Converter.class,
                description = "The manifest, by tag or by digest.")
        ImageReference value;

        ImageReference resolve(Session session) {
            return Images.withReference(session, value, "give a tag or a digest");
        }
    }
}
