/**
 * Sending the outbox to webhooks: {@link dev.berth.core.webhooks.delivery.WebhookDispatcher} keeps one outbox worker
 * per webhook, {@link dev.berth.core.webhooks.delivery.WebhookDelivery} filters, retries and dead-letters, and
 * {@link dev.berth.core.webhooks.delivery.WebhookSender} makes one signed HTTP attempt.
 */
package dev.berth.core.webhooks.delivery;
