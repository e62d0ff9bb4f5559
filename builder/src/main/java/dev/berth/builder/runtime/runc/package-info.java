/**
 * How {@link dev.berth.builder.runtime.runc.RuncRuntime} works inside: the OCI runtime {@code config.json} it writes, the
 * runc commands it runs, output pumping, rootless checks and mount-stub cleanup, and the sandbox every container gets: the
 * user namespace on an unprivileged host id range with id-mapped mounts, the seccomp filter, and the resource limits
 * (cgroup v1 groups, the process-tree watcher, rlimits). Not API.
 */
package dev.berth.builder.runtime.runc;
