package dev.berth.cli.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.api.ApiException;
import dev.berth.cli.api.ManagementClient;
import dev.berth.cli.json.Json;
import java.util.ArrayList;
import java.util.List;

/** A webhook's delivery history, gathered by following the {@code nextLink} of each page of listEvents. */
final class DeliveryPages {
    private DeliveryPages() {}

    /**
     * The attempts from the first page on, newest first.
     *
     * @param top at most this many, or null for all
     */
    static List<JsonNode> collect(ManagementClient client, String firstPage, Integer top) throws ApiException {
        List<JsonNode> attempts = new ArrayList<>();
        String next = firstPage;
        while (next != null && (top == null || attempts.size() < top)) {
            JsonNode page = client.post(next, Json.object());
            page.path("value").forEach(attempts::add);
            next = page.hasNonNull("nextLink") ? page.path("nextLink").asText() : null;
        }
        return top == null || attempts.size() <= top ? attempts : attempts.subList(0, top);
    }
}
