/**
 * Reading the outbox: an {@link dev.berth.core.outbox.OutboxWorker} per consumer hands events in order to an
 * {@link dev.berth.core.events.EventConsumer} and keeps the consumer's cursor in the
 * {@link dev.berth.core.spi.EventStore}. Apart from {@code events} because the store's interface names the events, and
 * the worker names the store.
 */
package dev.berth.core.outbox;
