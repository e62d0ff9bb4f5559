package dev.berth.builder.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a user as Docker's {@code USER} instruction takes it ({@code name}, {@code uid}, {@code name:group},
 * {@code uid:gid}, and mixes) against the {@code /etc/passwd} and {@code /etc/group} of a root filesystem, with the
 * rules Docker and runc follow:
 *
 * <ul>
 *   <li>a name must exist in {@code /etc/passwd} (or {@code /etc/group} for a group); a number need not;
 *   <li>with no group given, the primary group is the passwd entry's, or 0 when there is none;
 *   <li>supplementary groups are those listing the user's name, and only when no group was given.
 * </ul>
 *
 * The files are read only inside the root filesystem; a symlink that leaves it is not followed.
 */
public final class UserResolver {

    private UserResolver() {}

    /**
     * @throws BuildRuntimeException when a named user or group has no entry, or an id is not a valid number
     */
    public static ProcessUser resolve(Path rootfs, String user) throws IOException {
        if (user.isEmpty()) {
            user = "0";
        }
        int colon = user.indexOf(':');
        String userPart = colon < 0 ? user : user.substring(0, colon);
        Optional<String> groupPart = colon < 0 ? Optional.empty() : Optional.of(user.substring(colon + 1));
        List<PasswdFiles.Entry> passwd = PasswdFiles.read(rootfs, "etc/passwd");
        Optional<PasswdFiles.Entry> entry = findUser(passwd, userPart);
        int uid = entry.map(PasswdFiles.Entry::id).orElseGet(() -> parseId(userPart));
        if (uid < 0) {
            throw new BuildRuntimeException("unable to find user " + userPart + ": no matching entries in passwd file");
        }
        String home = entry.map(PasswdFiles.Entry::home).orElse(uid == 0 ? "/root" : "/");
        List<PasswdFiles.Entry> groups = PasswdFiles.read(rootfs, "etc/group");
        if (groupPart.isPresent()) {
            return new ProcessUser(uid, resolveGroup(groups, groupPart.get()), List.of(), home);
        }
        int gid = entry.map(PasswdFiles.Entry::gid).orElse(0);
        List<Integer> additional = entry.map(e -> memberships(groups, e.name())).orElse(List.of());
        return new ProcessUser(uid, gid, additional, home);
    }

    private static Optional<PasswdFiles.Entry> findUser(List<PasswdFiles.Entry> passwd, String userPart) {
        int asNumber = parseId(userPart);
        return passwd.stream()
                .filter(e -> e.name().equals(userPart) || (asNumber >= 0 && e.id() == asNumber))
                .findFirst();
    }

    private static int resolveGroup(List<PasswdFiles.Entry> groups, String groupPart) throws BuildRuntimeException {
        int asNumber = parseId(groupPart);
        if (asNumber >= 0) {
            return asNumber;
        }
        return groups.stream()
                .filter(g -> g.name().equals(groupPart))
                .findFirst()
                .map(PasswdFiles.Entry::id)
                .orElseThrow(() -> new BuildRuntimeException(
                        "unable to find group " + groupPart + ": no matching entries in group file"));
    }

    private static List<Integer> memberships(List<PasswdFiles.Entry> groups, String userName) {
        List<Integer> gids = new ArrayList<>();
        for (PasswdFiles.Entry group : groups) {
            if (group.members().contains(userName) && !gids.contains(group.id())) {
                gids.add(group.id());
            }
        }
        return gids;
    }

    /** The number, or -1 when the text is not a non-negative 32-bit id. */
    private static int parseId(String text) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Reading colon-separated account files from inside a root filesystem. */
    private static final class PasswdFiles {

        /** A passwd or group line: for a group, {@code gid} is unused and {@code members} is the member list. */
        record Entry(String name, int id, int gid, String home, List<String> members) {}

        static List<Entry> read(Path rootfs, String relative) throws IOException {
            Path file = rootfs.resolve(relative);
            if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(rootfs.toRealPath())) {
                return List.of();
            }
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                parse(line).ifPresent(entries::add);
            }
            return entries;
        }

        private static Optional<Entry> parse(String line) {
            String[] fields = line.split(":", -1);
            if (line.startsWith("#") || fields.length < 3 || parseId(fields[2]) < 0) {
                return Optional.empty();
            }
            int gid = fields.length > 3 ? Math.max(parseId(fields[3]), 0) : 0;
            String home = fields.length > 5 && !fields[5].isEmpty() ? fields[5] : "/";
            List<String> members =
                    fields.length == 4 && !fields[3].isEmpty() ? List.of(fields[3].split(",")) : List.of();
            return Optional.of(new Entry(fields[0], parseId(fields[2]), gid, home, members));
        }
    }
}
