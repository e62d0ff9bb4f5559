package dev.berth.cli.command;

import java.util.Optional;

/**
 * An image in a registry as commands take it: {@code REPOSITORY:TAG}, {@code REPOSITORY@DIGEST}, or a bare {@code
 * REPOSITORY}. The tag is what follows the last colon after the last slash, so {@code team/app:1} is {@code team/app}
 * tagged {@code 1}.
 */
public record ImageReference(String repository, Optional<String> tag, Optional<String> digest) {
    public ImageReference {
        if (repository.isEmpty()) {
            throw new IllegalArgumentException("no repository in the image reference");
        }
    }

    public static ImageReference parse(String text) {
        int at = text.indexOf('@');
        if (at >= 0) {
            String digest = text.substring(at + 1);
            if (!digest.contains(":")) {
                throw new IllegalArgumentException("'" + text + "': a digest looks like sha256:<hex>");
            }
            return new ImageReference(text.substring(0, at), Optional.empty(), Optional.of(digest));
        }
        int colon = text.lastIndexOf(':');
        if (colon > text.lastIndexOf('/')) {
            String tag = text.substring(colon + 1);
            if (tag.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' has an empty tag");
            }
            return new ImageReference(text.substring(0, colon), Optional.of(tag), Optional.empty());
        }
        return new ImageReference(text, Optional.empty(), Optional.empty());
    }

    public boolean hasReference() {
        return tag.isPresent() || digest.isPresent();
    }

    /** The tag or the digest, whichever it names. */
    public Optional<String> reference() {
        return digest.or(() -> tag);
    }

    @Override
    public String toString() {
        return repository
                + tag.map(t -> ":" + t).orElse("")
                + digest.map(d -> "@" + d).orElse("");
    }

    /** Lets picocli take an {@code ImageReference} option, with the reason when it is malformed. */
    public static final class Converter implements picocli.CommandLine.ITypeConverter<ImageReference> {
        @Override
        public ImageReference convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
