/**
 * Agents that carry out runs. An {@link dev.berth.tasks.AgentPool} starts agents that claim queued runs from the
 * metadata store under a renewed lease, prepare each run's context ({@code sources}), hand it to the {@link
 * dev.berth.tasks.RunExecutor} (the image builder, or a test's), stop it on cancel or timeout, and record its end.
 */
package dev.berth.tasks;
