package dev.berth.cli.repository;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.api.ApiPath;
import dev.berth.cli.api.ManagementClient;
import dev.berth.cli.command.ApiOptions;
import dev.berth.cli.command.CliEnvironment;
import dev.berth.cli.command.ImageReference;
import dev.berth.cli.command.RegistryOption;
import dev.berth.cli.command.Session;
import dev.berth.cli.command.YesOption;
import dev.berth.cli.output.Printer;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code berth repository list|show|show-tags|update|delete|untag}, as {@code az acr repository}, over {@code
 * /api/registries/{r}/acr/v1}.
 */
@Command(
        name = "repository",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        description = "The repositories of a registry, their tags, and their locks.")
public final class RepositoryCommand {
    private final CliEnvironment env;

    public RepositoryCommand() {
        this(CliEnvironment.system());
    }

    RepositoryCommand(CliEnvironment env) {
        this.env = env;
    }

    @Command(
            name = "list",
            description = "List the repositories.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth repository list -r myreg", "  berth repository list -r myreg --top 10 -o json"})
    int list(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin Listing.Top top) {
        return Session.run(env, api, session -> {
            ApiPath catalog = Acr.root(registry.name()).add("_catalog");
            List<JsonNode> names =
                    Acr.all(session.client(), catalog, Map.of(), "repositories", JsonNode::asText, top.n);
            session.printer().list(names, RepositoryViews.NAMES);
        });
    }

    @Command(
            name = "show",
            description = "Show a repository, or one image by tag or digest, with its attributes.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth repository show -r myreg -n team/app",
                "  berth repository show -r myreg --image team/app:1.0",
                "  berth repository show -r myreg --image team/app@sha256:..."
            })
    int show(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin ImageTarget target) {
        return Session.run(env, api, session -> {
            ImageReference image = target.resolve(session);
            print(
                    session.printer(),
                    image,
                    session.client().get(path(registry.name(), image).toString()));
        });
    }

    @Command(
            name = "show-tags",
            description = "List a repository's tags, newest first with --orderby time_desc.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth repository show-tags -r myreg -n team/app",
                "  berth repository show-tags -r myreg -n team/app --detail --orderby \\",
                "      time_desc --top 5"
            })
    int showTags(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Mixin Listing listing,
            @Option(names = "--detail", description = "Show each tag's digest, times and attributes.") boolean detail) {
        return Session.run(env, api, session -> {
            ApiPath tags = Acr.repository(registry.name(), listing.repository).add("_tags");
            List<JsonNode> found = Acr.all(
                    session.client(),
                    tags,
                    listing.query(),
                    "tags",
                    t -> t.path("name").asText(),
                    listing.top.n);
            if (detail) {
                session.printer().list(found, RepositoryViews.TAG);
            } else {
                List<JsonNode> names = found.stream().map(t -> t.path("name")).toList();
                session.printer().list(names, RepositoryViews.NAMES);
            }
        });
    }

    @Command(
            name = "update",
            description = "Lock or unlock a repository, or one image by tag or digest.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth repository update -r myreg --image team/app:1.0 --write-enabled false",
                "  berth repository update -r myreg -n team/app --delete-enabled false \\",
                "      --write-enabled true",
                "  berth repository update -r myreg --image team/app@sha256:... \\",
                "      --read-enabled false"
            })
    int update(
            @Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin ImageTarget target, @Mixin Attributes attrs) {
        return Session.run(env, api, session -> {
            ImageReference image = target.resolve(session);
            if (attrs.isEmpty()) {
                throw session.usage("nothing to change: give --write-enabled, --delete-enabled, --read-enabled"
                        + " or --list-enabled");
            }
            ManagementClient client = session.client();
            String path = path(registry.name(), image).toString();
            print(session.printer(), image, client.patch(path, attrs.toJson()));
        });
    }

    @Command(
            name = "delete",
            description = {
                "Delete a repository, or one image: its manifest and every tag that points at it.",
                "Asks first; without a terminal, give --yes. To remove only a tag, use 'untag'."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  berth repository delete -r myreg -n team/app --yes",
                "  berth repository delete -r myreg --image team/app:1.0",
                "  berth repository delete -r myreg --image team/app@sha256:... --yes"
            })
    int delete(@Mixin ApiOptions api, @Mixin RegistryOption registry, @Mixin ImageTarget target, @Mixin YesOption yes) {
        return Session.run(env, api, session -> {
            ImageReference image = target.resolve(session);
            if (!image.hasReference()) {
                session.confirm("delete repository '" + image.repository() + "' and all its images", yes.given());
                JsonNode deleted =
                        session.client().delete(path(registry.name(), image).toString());
                session.printer().one(deleted, RepositoryViews.DELETED);
                return;
            }
            Images.delete(session, registry.name(), image, yes.given());
        });
    }

    @Command(
            name = "untag",
            description = "Remove a tag; the manifest stays, reachable by digest.",
            footerHeading = "%nExamples:%n",
            footer = {"  berth repository untag -r myreg --image team/app:old"})
    int untag(
            @Mixin ApiOptions api,
            @Mixin RegistryOption registry,
            @Option(
                            names = "--image",
                            required = true,
                            paramLabel = "REPOSITORY:TAG",
                            converter = ImageReference.Converter.class,
                            description = "The tag to remove.")
                    ImageReference image) {
        return Session.run(env, api, session -> {
            String tag = image.tag().orElseThrow(() -> session.usage("--image needs a tag: REPOSITORY:TAG"));
            session.client()
                    .delete(Acr.tag(registry.name(), image.repository(), tag).toString());
            session.note("removed tag " + image);
        });
    }

    private static ApiPath path(String registry, ImageReference image) {
        if (image.digest().isPresent()) {
            return Acr.manifest(registry, image.repository(), image.digest().get());
        }
        if (image.tag().isPresent()) {
            return Acr.tag(registry, image.repository(), image.tag().get());
        }
        return Acr.repository(registry, image.repository());
    }

    /** A repository, tag or manifest answer, under its own table. */
    private static void print(Printer printer, ImageReference image, JsonNode answer) {
        if (image.digest().isPresent()) {
            printer.print(answer, RepositoryViews.MANIFEST, List.of(answer.path("manifest")));
        } else if (image.tag().isPresent()) {
            printer.print(answer, RepositoryViews.TAG, List.of(answer.path("tag")));
        } else {
            printer.one(answer, RepositoryViews.REPOSITORY);
        }
    }
}
