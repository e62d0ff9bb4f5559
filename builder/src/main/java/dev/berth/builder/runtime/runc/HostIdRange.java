package dev.berth.builder.runtime.runc;

/**
 * The unprivileged host ids that one container's ids 0 to {@code size - 1} map to: container id {@code n} is host id
 * {@code base + n}.
 */
public record HostIdRange(int base, int size) {

    public HostIdRange {
        if (base <= 0 || size <= 0 || (long) base + size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a host id range must start above 0 and fit in 31 bits: " + base);
        }
    }

    /** The runtime spec's mapping entry. */
    OciConfig.IdMapping mapping() {
        return new OciConfig.IdMapping(0, base, size);
    }

    /** The {@code /proc/<pid>/uid_map} line. */
    String mapLine() {
        return "0 " + base + " " + size + "\n";
    }
}
