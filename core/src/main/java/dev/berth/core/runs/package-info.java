/**
 * Runs as values, in the shape of ACR Tasks' run object: a quick build or quick run scheduled on a registry
 * ({@link dev.berth.core.runs.Run}, {@link dev.berth.core.runs.RunRequest}), its ids ({@link
 * dev.berth.core.runs.RunIds}), the values its image names may use ({@link dev.berth.core.runs.RunValues}), and the
 * service the management API schedules, reads and cancels them through ({@link dev.berth.core.runs.RunService}).
 * Agents, which carry runs out, live in the {@code tasks} module.
 */
package dev.berth.core.runs;
