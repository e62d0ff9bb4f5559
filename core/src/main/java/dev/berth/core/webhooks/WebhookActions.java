package dev.berth.core.webhooks;

import dev.berth.core.events.EventAction;
import java.util.List;

/** ACR's webhook actions, and which of them an outbox event is sent as. */
public final class WebhookActions {
    /** Every action a webhook may hear. */
    public static final List<String> ALL = List.of("push", "delete", "quarantine", "chart_push", "chart_delete");

    private WebhookActions() {}

    /** The ACR action an event is sent as: an untag and a repository delete are {@code delete}, as in ACR. */
    public static String of(EventAction action) {
        return switch (action) {
            case PUSH -> "push";
            case DELETE, TAG_DELETE, REPOSITORY_DELETE -> "delete";
            case QUARANTINE -> "quarantine";
            case CHART_PUSH -> "chart_push";
            case CHART_DELETE -> "chart_delete";
        };
    }
}
