package dev.berth.tasks;

import dev.berth.core.runs.OutputImage;
import java.util.List;
import java.util.Optional;

/** How a run's work ended: the images it pushed, or why it failed. */
public record RunOutcome(List<OutputImage> outputImages, Optional<String> failure) {
    public RunOutcome {
        outputImages = List.copyOf(outputImages);
    }

    public static RunOutcome succeeded(List<OutputImage> images) {
        return new RunOutcome(images, Optional.empty());
    }

    /** A failure of the user's run (a bad command, a missing file): the run ends Failed with the message. */
    public static RunOutcome failed(String message) {
        return new RunOutcome(List.of(), Optional.of(message));
    }
}
