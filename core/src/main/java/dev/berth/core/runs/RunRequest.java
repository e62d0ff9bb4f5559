package dev.berth.core.runs;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run was scheduled with: ACR's {@code DockerBuildRequest} for a quick build, a command (or ACR's encoded
 * task with one {@code cmd} step) for a quick run. The executor interprets it; the store keeps it whole, secrets
 * included, and {@link #shown()} is what is ever shown back.
 *
 * @param imageNames as given, or with the run's values substituted once the run has its id
 * @param sourceLocation a relative path from {@code listBuildSourceUploadUrl}, a git or tarball URL, or empty
 * @param cmd the quick run's {@code <image> <args>}, empty for a build
 * @param encodedTask the quick run's base64 task YAML when ACR's encoded form was sent, else empty
 * @param credentials sign-ins for other registries that base images (or a quick run's image) come from
 */
public record RunRequest(
        RunType type,
        List<String> imageNames,
        boolean pushEnabled,
        boolean noCache,
        String dockerFilePath,
        String target,
        List<RunArgument> arguments,
        Platform platform,
        String sourceLocation,
        Duration timeout,
        String cmd,
        String encodedTask,
        List<RegistryCredential> credentials) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3600);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(28800);

    public RunRequest {
        Objects.requireNonNull(type, "type");
        imageNames = List.copyOf(imageNames);
        dockerFilePath = Optional.ofNullable(dockerFilePath).orElse("");
        target = Optional.ofNullable(target).orElse("");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(platform, "platform");
        sourceLocation = Optional.ofNullable(sourceLocation).orElse("");
        Objects.requireNonNull(timeout, "timeout");
        cmd = Optional.ofNullable(cmd).orElse("");
        encodedTask = Optional.ofNullable(encodedTask).orElse("");
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }

    /** A quick run of {@code <image> <args>} with no source, for {@code linux/amd64}. */
    public static RunRequest quickRun(String cmd, Duration timeout) {
        return new RunRequest(
                RunType.QUICK_RUN,
                List.of(),
                false,
                false,
                "",
                "",
                List.of(),
                Platform.DEFAULT,
                "",
                timeout,
                cmd,
                "",
                List.of());
    }

    /**
     * What a quick run runs, {@code <image> <args>}: its {@code cmd}, or the one {@code cmd} step of its encoded task;
     * empty for a build, or for an encoded task of anything else.
     */
    public Optional<String> command() {
        if (type != RunType.QUICK_RUN) {
            return Optional.empty();
        }
        return encodedTask.isEmpty()
                ? Optional.of(cmd).filter(c -> !c.isBlank())
                : EncodedTask.singleCommand(encodedTask);
    }

    /** The same request with other image names. */
    public RunRequest withImageNames(List<String> names) {
        return new RunRequest(
                type,
                names,
                pushEnabled,
                noCache,
                dockerFilePath,
                target,
                arguments,
                platform,
                sourceLocation,
                timeout,
                cmd,
                encodedTask,
                credentials);
    }

    /** This request as it may be shown: secret arguments masked. */
    public RunRequest shown() {
        return new RunRequest(
                type,
                imageNames,
                pushEnabled,
                noCache,
                dockerFilePath,
                target,
                arguments.stream().map(RunArgument::shown).toList(),
                platform,
                sourceLocation,
                timeout,
                cmd,
                encodedTask,
                credentials.stream().map(RegistryCredential::shown).toList());
    }
}
