/**
 * Webhooks as values: a registry's receiver of its content events in ACR's shape ({@link
 * dev.berth.core.webhooks.Webhook}, {@link dev.berth.core.webhooks.WebhookScope}, {@link
 * dev.berth.core.webhooks.WebhookActions}) and the record of one delivery attempt ({@link
 * dev.berth.core.webhooks.Delivery}). They are managed by {@code installation.WebhookService} and sent by {@code
 * webhooks.delivery}.
 */
package dev.berth.core.webhooks;
