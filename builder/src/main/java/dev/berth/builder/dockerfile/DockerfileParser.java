package dev.berth.builder.dockerfile;

/** Turns a Dockerfile's text into a {@link Dockerfile}. */
final class DockerfileParser {
    private final String fileName;

    DockerfileParser(String fileName) {
        this.fileName = fileName;
    }

    Dockerfile parse(String text) {
        throw new DockerfileException(new Location(fileName, 0), "not yet");
    }
}
