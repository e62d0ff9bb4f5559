package dev.berth.builder.runtime;

import java.util.List;

/**
 * A user resolved to numbers, as the kernel sees it.
 *
 * @param uid the user id
 * @param gid the primary group id
 * @param additionalGids supplementary groups: those of {@code /etc/group} that list the user by name, when the user
 *     was named (or found by uid in {@code /etc/passwd}) and no group was given, as Docker does
 * @param home the home directory from {@code /etc/passwd}, or {@code /} when the user has no entry
 */
public record ProcessUser(int uid, int gid, List<Integer> additionalGids, String home) {

    public static final ProcessUser ROOT = new ProcessUser(0, 0, List.of(), "/root");

    public ProcessUser {
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("ids must not be negative: " + uid + ":" + gid);
        }
        additionalGids = List.copyOf(additionalGids);
    }
}
