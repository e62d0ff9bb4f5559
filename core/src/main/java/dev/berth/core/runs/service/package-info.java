/**
 * Runs over the stores: {@link dev.berth.core.runs.service.RunService}, which the management API schedules, reads
 * and cancels runs through, and logs kept in {@link dev.berth.core.spi.RunFiles} ({@link
 * dev.berth.core.runs.service.FileRunLog}), followed as they grow.
 */
package dev.berth.core.runs.service;
