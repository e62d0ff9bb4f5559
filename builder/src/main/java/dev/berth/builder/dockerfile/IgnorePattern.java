package dev.berth.builder.dockerfile;

/** One cleaned line of a {@code .dockerignore} file. */
record IgnorePattern(String pattern, boolean exception) {
    @Override
    public String toString() {
        return exception ? "!" + pattern : pattern;
    }
}
