/**
 * Quarantine as ACR's scanners set it: a manifest's {@link dev.berth.core.quarantine.Quarantine} state and details,
 * stored on the manifest and announced by a {@code quarantine} event. A policy that hides manifests until they
 * pass is not built yet; it would read the state kept here.
 */
package dev.berth.core.quarantine;
