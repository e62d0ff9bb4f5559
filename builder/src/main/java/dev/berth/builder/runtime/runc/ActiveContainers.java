package dev.berth.builder.runtime.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The containers running now in this JVM, so that a JVM shutting down (Ctrl-C, SIGTERM) kills them and removes their
 * bundles and state instead of leaving them behind. One shutdown hook serves every runtime.
 */
public final class ActiveContainers {

    private static final Map<String, Entry> RUNNING = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ActiveContainers::cleanAll, "runc-cleanup"));
    }

    private ActiveContainers() {}

    public static void add(String id, RuncCommands commands, Path bundle) {
        RUNNING.put(id, new Entry(commands, bundle, new CopyOnWriteArrayList<>()));
    }

    /** Something more to undo if the JVM stops during the run (its sandbox's mounts and cgroups), after the kill. */
    static void undoOnShutdown(String id, Runnable undo) {
        Entry entry = RUNNING.get(id);
        if (entry != null) {
            entry.undo().add(undo);
        }
    }

    public static void remove(String id) {
        RUNNING.remove(id);
    }

    /**
     * Kills and deletes a container if runc still has state for it (runc run removes it when it ends normally, so
     * the usual run costs no extra runc calls), and removes its bundle; best effort, for clean-up paths.
     */
    public static void destroy(String id, RuncCommands commands, Path bundle) {
        if (Files.exists(commands.stateDir().resolve(id))) {
            HostProcesses.runQuietly(commands.kill(id), Duration.ofSeconds(5));
            HostProcesses.runQuietly(commands.delete(id), Duration.ofSeconds(10));
        }
        try {
            Bundles.deleteRecursively(bundle);
        } catch (IOException e) {
            // nothing more to do while shutting down
        }
    }

    private static void cleanAll() {
        RUNNING.forEach((id, entry) -> {
            destroy(id, entry.commands(), entry.bundle());
            entry.undo().forEach(Runnable::run);
        });
    }

    private record Entry(RuncCommands commands, Path bundle, List<Runnable> undo) {}
}
