package dev.berth.server;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A chore done every hour, first a minute after the start, on a daemon thread of its own; closing stops it. */
final class Hourly implements Closeable {
    private static final Duration FIRST = Duration.ofMinutes(1);
    private static final Duration EVERY = Duration.ofHours(1);

    private final ScheduledExecutorService scheduler;

    private Hourly(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** @param chore catches and logs its own failures: one that throws is not run again */
    static Hourly start(String threadName, Runnable chore) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(threadName).daemon().factory());
        scheduler.scheduleWithFixedDelay(chore, FIRST.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return new Hourly(scheduler);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
