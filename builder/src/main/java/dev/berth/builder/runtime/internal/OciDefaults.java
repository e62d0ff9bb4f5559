package dev.berth.builder.runtime.internal;

import java.util.List;

/** The fixed parts of a build container's runtime config, as Docker sets them for a container by default. */
final class OciDefaults {

    /** Docker's default capability set. */
    static final List<String> CAPABILITIES = List.of(
            "CAP_CHOWN",
            "CAP_DAC_OVERRIDE",
            "CAP_FSETID",
            "CAP_FOWNER",
            "CAP_MKNOD",
            "CAP_NET_RAW",
            "CAP_SETGID",
            "CAP_SETUID",
            "CAP_SETFCAP",
            "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE",
            "CAP_SYS_CHROOT",
            "CAP_KILL",
            "CAP_AUDIT_WRITE");

    /** Paths Docker hides from containers (bind-mounted over with nothing). */
    static final List<String> MASKED_PATHS = List.of(
            "/proc/asound",
            "/proc/acpi",
            "/proc/kcore",
            "/proc/keys",
            "/proc/latency_stats",
            "/proc/timer_list",
            "/proc/timer_stats",
            "/proc/sched_debug",
            "/proc/scsi",
            "/sys/firmware",
            "/sys/devices/virtual/powercap");

    /** Paths Docker makes read-only in containers. */
    static final List<String> READONLY_PATHS =
            List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    /** The {@code PATH} Docker gives a process whose environment has none. */
    static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** The open-files limit Docker asks for; lowered to what this process may grant. */
    static final long NOFILE = 1_048_576;

    /** The OCI runtime spec version runc 1.1 writes with {@code runc spec}. */
    static final String OCI_VERSION = "1.0.2-dev";

    private OciDefaults() {}
}
