/**
 * Sending to webhooks: {@link dev.berth.core.webhooks.delivery.WebhookSender} makes one signed HTTP attempt and
 * describes it as a {@link dev.berth.core.webhooks.Delivery}.
 */
package dev.berth.core.webhooks.delivery;
