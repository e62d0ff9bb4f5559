package dev.berth.cli.command;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth completion bash}: the completion script for every command and option, made by picocli. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a shell completion script for berth (bash; zsh runs it after bashcompinit).",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(berth completion bash)",
            "  berth completion bash > /etc/bash_completion.d/berth",
            "  autoload -U +X bashcompinit && bashcompinit && source <(berth completion zsh)"
        })
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "SHELL",
            defaultValue = "bash",
            completionCandidates = Shells.class,
            description = "bash or zsh (default: ${DEFAULT-VALUE}).")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "no completion for '" + shell + "': give bash or zsh");
        }
        spec.commandLine().getOut().print(AutoComplete.bash("berth", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The shells offered. */
    static final class Shells extends java.util.ArrayList<String> {
        Shells() {
            super(java.util.List.of("bash", "zsh"));
        }
    }
}
