package dev.berth.tasks;

import dev.berth.core.runs.Run;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** One agent: claims the oldest queued run, carries it out, and looks again; waits a little when none waits. */
final class Agent {
    private static final System.Logger LOG = System.getLogger(Agent.class.getName());

    private final String name;
    private final Crew crew;
    private volatile boolean stopped;

    Agent(String name, Crew crew) {
        this.name = name;
        this.crew = crew;
    }

    void work() {
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            try {
                Optional<Run> run = claim();
                if (run.isPresent()) {
                    new RunAttempt(name, crew).carryOut(run.get());
                } else {
                    Thread.sleep(crew.settings().poll());
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, name + " could not take a run", e);
                pause();
            }
        }
    }

    private Optional<Run> claim() throws IOException {
        Instant now = crew.clock().instant();
        return crew.store().claim(name, now, now.plus(crew.settings().lease()));
    }

    private void pause() {
        try {
            Thread.sleep(crew.settings().poll());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        stopped = true;
    }
}
