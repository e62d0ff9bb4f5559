package dev.berth.cli.runs;

import picocli.CommandLine.Option;

/** The options {@code build} and {@code run} share: the platform, and whether to stream the log or wait at all. */
final class RunOptions {
    @Option(
            names = "--platform",
            paramLabel = "OS/ARCH[/VARIANT]",
            description = "The platform to run for (default: linux/amd64).")
    String platform;

    @Option(
            names = "--registry-credential",
            paramLabel = "LOGIN_SERVER=USER:PASSWORD",
            description = "Sign in to another registry to read base images (or the image to run) from it; repeatable."
                    + " Sent as ACR's credentials.customRegistries, never shown back.")
    java.util.List<String> registryCredentials = new java.util.ArrayList<>();

    @Option(names = "--no-logs", description = "Wait for the run without streaming its log.")
    boolean noLogs;

    @Option(names = "--no-wait", description = "Print the queued run and return at once.")
    boolean noWait;
}
