/**
 * How {@link dev.berth.builder.runtime.RuncRuntime} works inside: the OCI runtime {@code config.json} it writes, the
 * runc commands it runs, output pumping, rootless checks and mount-stub cleanup. Not API.
 */
package dev.berth.builder.runtime.internal;
