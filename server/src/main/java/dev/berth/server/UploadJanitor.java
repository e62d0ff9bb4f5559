package dev.berth.server;

import dev.berth.core.registry.UploadService;
import dev.berth.server.config.BerthConfig;
import java.io.Closeable;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Removes uploads abandoned for longer than the configured expiry, on a fixed schedule. */
final class UploadJanitor implements Closeable {
    private static final System.Logger LOG = System.getLogger("berth.uploads");

    private final ScheduledExecutorService scheduler;

    private UploadJanitor(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    static UploadJanitor start(UploadService uploads, BerthConfig.Uploads config) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("berth-upload-janitor").daemon().factory());
        long every = config.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> sweep(uploads, config), every, every, TimeUnit.MILLISECONDS);
        return new UploadJanitor(scheduler);
    }

    private static void sweep(UploadService uploads, BerthConfig.Uploads config) {
        try {
            int removed = uploads.expire(Instant.now().minus(config.expiry()));
            if (removed > 0) {
                LOG.log(System.Logger.Level.INFO, "removed " + removed + " abandoned uploads");
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "upload sweep failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
