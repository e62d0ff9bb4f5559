package dev.berth.builder.runtime.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * This process's place in the cgroup v1 hierarchies (from {@code /proc/self/cgroup}), and whether it may make child
 * groups with the pids, memory and cpuacct controllers there, which the runtime's limits need. runc is given a path
 * relative to the same places, so a build's groups sit under Berth's own (inside whatever limits Berth itself has).
 */
record CgroupHierarchies(Path root, Map<String, Path> ownGroups) {
    static final Path SYS_FS_CGROUP = Path.of("/sys/fs/cgroup");
    static final List<String> CONTROLLERS = List.of("pids", "memory", "cpuacct");

    /** The hierarchies, when every controller the limits need is mounted as cgroup v1 and writable here. */
    static Optional<CgroupHierarchies> detect() {
        try {
            CgroupHierarchies found = new CgroupHierarchies(SYS_FS_CGROUP, read(Path.of("/proc/self/cgroup")));
            return found.canCreateGroups() ? Optional.of(found) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The directory of this process's group in hierarchy {@code name} ({@code pids}, {@code memory}...). */
    Path own(String name) {
        return root.resolve(name).resolve(ownGroups.getOrDefault(name, Path.of("")));
    }

    private static Map<String, Path> read(Path procCgroup) throws IOException {
        Map<String, Path> groups = new LinkedHashMap<>();
        for (String line : Files.readAllLines(procCgroup)) {
            String[] fields = line.split(":", 3);
            String path = fields[2].startsWith("/") ? fields[2].substring(1) : fields[2];
            for (String name : hierarchyNames(fields[1])) {
                groups.put(name, Path.of(path));
            }
        }
        return groups;
    }

    private static List<String> hierarchyNames(String controllers) {
        if (controllers.isEmpty()) {
            return List.of("unified");
        }
        if (controllers.startsWith("name=")) {
            return List.of(controllers.substring("name=".length()));
        }
        List<String> names = new ArrayList<>(List.of(controllers.split(",")));
        names.add(controllers);
        return names;
    }

    private boolean canCreateGroups() {
        String probe = "berth-probe-" + UUID.randomUUID();
        for (String controller : CONTROLLERS) {
            Path dir = own(controller).resolve(probe);
            try {
                Files.createDirectory(dir);
                boolean v1 =
                        Files.exists(dir.resolve(controller.equals("pids") ? "pids.max" : controllerFile(controller)));
                Files.delete(dir);
                if (!v1) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static String controllerFile(String controller) {
        return controller.equals("memory") ? "memory.limit_in_bytes" : "cpuacct.usage";
    }

    /** Every hierarchy's own directory, for removing what runc made in each. */
    List<Path> everyOwn() {
        return ownGroups.keySet().stream()
                .filter(name -> Files.isDirectory(root.resolve(name)))
                .map(this::own)
                .distinct()
                .toList();
    }
}
