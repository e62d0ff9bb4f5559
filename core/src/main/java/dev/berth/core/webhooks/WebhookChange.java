package dev.berth.core.webhooks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a create or update of a webhook sets; an absent part keeps the current value (or the default, on create). */
public record WebhookChange(
        Optional<String> serviceUri,
        Optional<Map<String, String>> customHeaders,
        Optional<List<String>> actions,
        Optional<String> scope,
        Optional<Boolean> enabled,
        Optional<String> signingSecret) {}
