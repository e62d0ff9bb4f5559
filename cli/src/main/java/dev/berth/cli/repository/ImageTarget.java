package dev.berth.cli.repository;

import dev.berth.cli.command.ImageReference;
import dev.berth.cli.command.Session;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * What a repository command works on: a whole repository ({@code -n/--name}, also {@code --repository} as in {@code
 * az acr}), or one image ({@code --image REPOSITORY:TAG} or {@code REPOSITORY@DIGEST}).
 */
public final class ImageTarget {
    @Option(
            names = {"-n", "--name", "--repository"},
            paramLabel = "REPOSITORY",
            description = "The repository, e.g. team/app.")
    String repository;

    @Option(
            names = "--image",
            paramLabel = "REPOSITORY:TAG|REPOSITORY@DIGEST",
            converter = ImageReference.Converter.class,
            description = "One image, by tag or by digest.")
    ImageReference image;

    /** The repository alone, or the image; exactly one must be given. */
    ImageReference resolve(Session session) {
        if ((repository == null) == (image == null)) {
            throw session.usage("give the repository (-n) or one image (--image), not both and not neither");
        }
        return image != null
                ? Images.withReference(session, image, "--image needs a tag or a digest")
                : new ImageReference(repository, Optional.empty(), Optional.empty());
    }
}
