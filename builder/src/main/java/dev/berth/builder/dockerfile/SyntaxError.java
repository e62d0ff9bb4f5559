package dev.berth.builder.dockerfile;

/**
 * A problem found while parsing one logical line, before its location is attached: the parser turns it into a
 * {@link DockerfileException} at the line's start.
 */
final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError(String reason) {
        super(reason, null, false, false);
    }
}
