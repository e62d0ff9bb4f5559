/**
 * {@code berth webhook}, as {@code az acr webhook}: a registry's webhooks, their pings, delivery history and
 * callback config, through {@code /api/registries/{r}/webhooks}.
 */
package dev.berth.cli.webhook;
