package dev.berth.core.installation;

/**
 * One line of a registry's usage, as ACR's {@code listUsages} reports it.
 *
 * @param limit the tier's limit; -1 for unlimited
 * @param unit {@code Count} or {@code Bytes}
 */
public record Usage(String name, long limit, long currentValue, String unit) {}
