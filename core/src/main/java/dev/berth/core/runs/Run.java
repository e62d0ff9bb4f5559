package dev.berth.core.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a registry, in the shape of ACR's run object.
 *
 * @param agent the agent that claimed it, while and after it ran
 * @param leaseUntil while Running, until when the agent's claim holds; an agent that stops renewing it loses the run
 * @param cancelRequested a cancel was asked while it ran; its agent stops it and ends it Canceled
 * @param errorMessage ACR's {@code runErrorMessage}, empty when none
 */
public record Run(
        long registryId,
        String id,
        RunStatus status,
        RunType type,
        Instant created,
        Optional<Instant> started,
        Optional<Instant> finished,
        Instant updated,
        List<OutputImage> outputImages,
        Platform platform,
        String errorMessage,
        RunRequest request,
        Optional<String> agent,
        Optional<Instant> leaseUntil,
        boolean cancelRequested) {
    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        outputImages = List.copyOf(outputImages);
        errorMessage = errorMessage == null ? "" : errorMessage;
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }

    /** A new run, waiting for an agent. */
    public static Run queued(long registryId, String id, RunRequest request, Instant now) {
        return new Run(
                registryId,
                id,
                RunStatus.QUEUED,
                request.type(),
                now,
                Optional.empty(),
                Optional.empty(),
                now,
                List.of(),
                request.platform(),
                "",
                request,
                Optional.empty(),
                Optional.empty(),
                false);
    }

    public Duration timeout() {
        return request.timeout();
    }

    /** This run ended: its final status, outputs and error, with the lease let go. */
    public Run finish(RunStatus end, List<OutputImage> outputs, String error, Instant now) {
        if (!end.finished()) {
            throw new IllegalArgumentException(end + " is not a final status");
        }
        return new Run(
                registryId,
                id,
                end,
                type,
                created,
                started,
                Optional.of(now),
                now,
                outputs,
                platform,
                error,
                request,
                agent,
                Optional.empty(),
                cancelRequested);
    }

    /** How long it ran (or waited, if it never started), for the last line of its log. */
    public Duration elapsed() {
        Instant from = started.orElse(created);
        return Duration.between(from, finished.orElse(updated));
    }
}
