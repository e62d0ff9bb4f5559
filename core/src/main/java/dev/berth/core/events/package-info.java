/**
 * The outbox: every change to a registry's content is recorded as a {@link dev.berth.core.events.RegistryEvent} in
 * the same metadata transaction as the change, numbered in commit order by the store. An
 * {@link dev.berth.core.outbox.OutboxWorker} reads the events in order and hands them to one
 * {@link dev.berth.core.events.EventConsumer}, resuming from its cursor after a restart; webhooks, replication,
 * scanning and triggers are consumers. {@link dev.berth.core.events.RequestContext} says who made a change and how.
 */
package dev.berth.core.events;
