package dev.berth.builder.runtime;

/** One of the {@link ResourceLimits} a run can exceed. */
public enum Limit {
    PROCESSES("process"),
    MEMORY("memory"),
    CPU_TIME("CPU time"),
    DISK("disk");

    private final String noun;

    Limit(String noun) {
        this.noun = noun;
    }

    /** How a message names it: "the {@code noun} limit". */
    public String noun() {
        return noun;
    }
}
