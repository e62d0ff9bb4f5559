package dev.berth.server;

import dev.berth.core.runs.service.RunRetention;
import java.io.IOException;

/**
 * Keeps runs from piling up: every hour it deletes, in batches, the runs that ended longer ago than {@code
 * runs.retention}, with their logs and uploaded sources (see {@link RunRetention}).
 */
final class RunSweeper {
    private static final System.Logger LOG = System.getLogger("berth.runs");

    private RunSweeper() {}

    static Hourly start(RunRetention retention) {
        return Hourly.start("berth-run-sweeper", () -> sweepLogged(retention));
    }

    private static void sweepLogged(RunRetention retention) {
        try {
            RunRetention.Swept swept = retention.sweep();
            if (swept.runs() + swept.sources() > 0) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "deleted " + swept.runs() + " runs past their retention and " + swept.sources()
                                + " unused build sources");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "deleting old runs failed; trying again in an hour", e);
        }
    }
}
