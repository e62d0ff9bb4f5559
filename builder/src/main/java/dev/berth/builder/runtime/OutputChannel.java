package dev.berth.builder.runtime;

/** Which of the process's output streams a chunk came from. */
public enum OutputChannel {
    STDOUT,
    STDERR
}
