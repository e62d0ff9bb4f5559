package dev.berth.server;

import dev.berth.core.access.AuditLog;
import dev.berth.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit log as JSON lines on the logger {@code berth.audit}, one per decision: time, who, what, from where, the
 * outcome and the request id. Failures and refusals at INFO, allowed requests at DEBUG, so a busy registry does not
 * drown its log in successes unless asked to.
 */
final class LoggedAuditLog implements AuditLog {
    private static final System.Logger LOG = System.getLogger("berth.audit");

    @Override
    public void record(AuditEvent event) {
        System.Logger.Level level =
                event.outcome() == Outcome.ALLOWED ? System.Logger.Level.DEBUG : System.Logger.Level.INFO;
        if (!LOG.isLoggable(level)) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("who", event.who().isEmpty() ? "(anonymous)" : event.who());
        line.put("what", event.what());
        line.put("from", event.from());
        line.put("outcome", event.outcome().name().toLowerCase(java.util.Locale.ROOT));
        line.put("requestId", event.requestId());
        LOG.log(level, Json.writeString(line));
    }
}
