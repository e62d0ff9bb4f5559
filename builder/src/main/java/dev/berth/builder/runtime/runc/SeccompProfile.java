package dev.berth.builder.runtime.runc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Berth's seccomp filter for build and run containers ({@code linux.seccomp} of the runtime config): everything is
 * allowed except the calls a build has no business making, which fail with {@code EPERM}. Denied: new namespaces
 * ({@code unshare} and {@code clone} with a {@code CLONE_NEW*} flag, {@code setns}), mounting and the new mount API,
 * the kernel keyring, {@code bpf}, tracing and reading other processes' memory, loading kernel modules and kernels,
 * {@code perf_event_open}, swap, reboot, process accounting, {@code userfaultfd}, {@code open_by_handle_at}, setting
 * the clock, and a few obsolete or dangerous others. {@code clone3} answers {@code ENOSYS}: its flags sit in memory a
 * filter cannot read, and libc then falls back to {@code clone}, whose flags it can.
 */
final class SeccompProfile {
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;

    private static final long CLONE_NEWNS = 0x00020000L;
    private static final long CLONE_NEWCGROUP = 0x02000000L;
    private static final long CLONE_NEWUTS = 0x04000000L;
    private static final long CLONE_NEWIPC = 0x08000000L;
    private static final long CLONE_NEWUSER = 0x10000000L;
    private static final long CLONE_NEWPID = 0x20000000L;
    private static final long CLONE_NEWNET = 0x40000000L;
    private static final long CLONE_NEWTIME = 0x00000080L;

    /** The namespace flags {@code clone} takes (its low byte is the exit signal, so no {@code CLONE_NEWTIME}). */
    static final List<Long> CLONE_NAMESPACE_FLAGS = List.of(
            CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET);

    /** Calls denied whatever their arguments. */
    static final List<String> DENIED = List.of(
            "setns",
            "mount",
            "umount",
            "umount2",
            "pivot_root",
            "move_mount",
            "open_tree",
            "fsopen",
            "fsconfig",
            "fsmount",
            "fspick",
            "mount_setattr",
            "keyctl",
            "add_key",
            "request_key",
            "bpf",
            "ptrace",
            "process_vm_readv",
            "process_vm_writev",
            "kcmp",
            "kexec_load",
            "kexec_file_load",
            "init_module",
            "finit_module",
            "delete_module",
            "create_module",
            "query_module",
            "get_kernel_syms",
            "perf_event_open",
            "swapon",
            "swapoff",
            "reboot",
            "acct",
            "userfaultfd",
            "open_by_handle_at",
            "name_to_handle_at",
            "settimeofday",
            "stime",
            "clock_settime",
            "clock_settime64",
            "clock_adjtime",
            "clock_adjtime64",
            "adjtimex",
            "lookup_dcookie",
            "quotactl",
            "quotactl_fd",
            "nfsservctl",
            "vhangup",
            "iopl",
            "ioperm",
            "syslog",
            "uselib",
            "ustat",
            "sysfs",
            "_sysctl",
            "fanotify_init");

    private SeccompProfile() {}

    /** The profile for this machine's architecture, as the runtime spec's {@code linux.seccomp} object. */
    static Map<String, Object> forThisMachine() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("defaultAction", "SCMP_ACT_ALLOW");
        profile.put("architectures", architectures(System.getProperty("os.arch")));
        List<Map<String, Object>> rules = new ArrayList<>();
        rules.add(rule(DENIED, EPERM));
        rules.add(rule(List.of("clone3"), ENOSYS));
        for (long flag : CLONE_NAMESPACE_FLAGS) {
            rules.add(withFlag("clone", flag));
            rules.add(withFlag("unshare", flag));
        }
        rules.add(withFlag("unshare", CLONE_NEWTIME));
        profile.put("syscalls", rules);
        return profile;
    }

    /** Denies {@code name} when its first argument has {@code flag} set ({@code unshare(CLONE_FS)} stays allowed). */
    private static Map<String, Object> withFlag(String name, long flag) {
        Map<String, Object> rule = rule(List.of(name), EPERM);
        rule.put("args", List.of(argument(0, flag, flag, "SCMP_CMP_MASKED_EQ")));
        return rule;
    }

    private static Map<String, Object> rule(List<String> names, int errno) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("names", names);
        rule.put("action", "SCMP_ACT_ERRNO");
        rule.put("errnoRet", errno);
        return rule;
    }

    private static Map<String, Object> argument(int index, long value, long valueTwo, String op) {
        Map<String, Object> argument = new LinkedHashMap<>();
        argument.put("index", index);
        argument.put("value", value);
        argument.put("valueTwo", valueTwo);
        argument.put("op", op);
        return argument;
    }

    /** The native architecture and the compat ones its kernel also runs, so their calls are filtered too. */
    static List<String> architectures(String javaArch) {
        return switch (javaArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
            case "aarch64", "arm64" -> List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM");
            case "ppc64le" -> List.of("SCMP_ARCH_PPC64LE");
            case "s390x" -> List.of("SCMP_ARCH_S390X", "SCMP_ARCH_S390");
            case "riscv64" -> List.of("SCMP_ARCH_RISCV64");
            default -> List.of();
        };
    }
}
