package dev.berth.builder.runtime.internal;

import dev.berth.builder.runtime.RuncOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command lines of runc's verbs, each with the configured prefix and runc's private state directory. */
public record RuncCommands(RuncOptions options, Path stateDir) {

    /** {@code runc run}, logging runc's own errors as JSON to {@code log} so they can be told from the process's. */
    public List<String> run(Path bundle, Path log, String id) {
        List<String> command = base();
        command.addAll(List.of("--log", log.toString(), "--log-format", "json"));
        command.addAll(List.of("run", "--bundle", bundle.toString(), id));
        return command;
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

    private List<String> base() {
        List<String> command = new ArrayList<>(options.commandPrefix());
        command.add(options.runc().toString());
        command.addAll(List.of("--root", stateDir.toString()));
        return command;
    }
}
