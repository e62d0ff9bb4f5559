/**
 * The storage quota: a push that would take a registry past its tier's maximum storage is refused. Usage is counted
 * as {@link dev.berth.core.spi.UsageStore} counts it (each blob once per registry, plus manifests), and kept in
 * memory between exact counts so that checking costs nothing per push.
 */
package dev.berth.core.quota;
