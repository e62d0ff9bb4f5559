package dev.berth.core.runs;

/**
 * Run ids in ACR's style: the prefix {@code ca} and a base-36 counter per registry ({@code ca1} .. {@code ca9},
 * {@code caa} .. {@code caz}, {@code ca10}). The store hands out each number once, so an id is never reused.
 */
public final class RunIds {
    public static final String PREFIX = "ca";

    private RunIds() {}

    /** The id of the n-th run of a registry, counting from 1. */
    public static String of(long number) {
        if (number < 1) {
            throw new IllegalArgumentException("run numbers start at 1");
        }
        return PREFIX + Long.toString(number, 36);
    }
}
