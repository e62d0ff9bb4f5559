/**
 * Runs as values, in the shape of ACR Tasks' run object: a quick build or quick run scheduled on a registry
 * ({@link dev.berth.core.runs.Run}, {@link dev.berth.core.runs.RunRequest}), its ids ({@link
 * dev.berth.core.runs.RunIds}), the values its image names may use ({@link dev.berth.core.runs.RunValues}) and the log an executor writes to ({@link dev.berth.core.runs.RunLog}). The
 * service over the stores is in {@code runs.service}.
 * Agents, which carry runs out, live in the {@code tasks} module.
 */
package dev.berth.core.runs;
