package dev.berth.builder.runtime.runc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command lines of runc's verbs, each with the configured prefix and runc's private state directory. */
public record RuncCommands(RuncOptions options, Path stateDir) {

    /** {@code runc run}, logging runc's own errors as JSON to {@code log} so they can be told from the process's. */
    public List<String> run(Path bundle, Path log, String id) {
        List<String> command = base();
        command.addAll(List.of("--log", log.toString(), "--log-format", "json"));
        command.addAll(List.of(
                "run",
                "--bundle",
                bundle.toString(),
                "--pid-file",
                pidFile(bundle).toString(),
                id));
        return command;
    }

    /** Where {@code runc run} writes the container's init pid. */
    public static Path pidFile(Path bundle) {
        return bundle.resolve("init.pid");
    }

    public List<String> kill(String id) {
        List<String> command = base();
        command.addAll(List.of("kill", id, "KILL"));
        return command;
    }

    public List<String> delete(String id) {
        List<String> command = base();
        command.addAll(List.of("delete", "--force", id));
        return command;
    }

    /** The prefix alone, running {@code args} as runc would run (for the user-namespace probe). */
    public List<String> asRuncUser(List<String> args) {
        List<String> command = new ArrayList<>(options.commandPrefix());
        command.addAll(args);
        return command;
    }

    /**
     * The JVM ignores {@code SIGXFSZ}, and ignored signals stay ignored through {@code exec} (runc's Go runtime keeps
     * them so too): {@code env} puts it and {@code SIGXCPU} back to their defaults, so a container process past its
     * file-size or CPU-time rlimit is killed by the signal rather than told {@code EFBIG} and carrying on.
     */
    private List<String> base() {
        List<String> command = new ArrayList<>(options.commandPrefix());
        command.addAll(List.of("env", "--default-signal=XFSZ,XCPU"));
        command.add(options.runc().toString());
        command.addAll(List.of("--root", stateDir.toString()));
        return command;
    }
}
