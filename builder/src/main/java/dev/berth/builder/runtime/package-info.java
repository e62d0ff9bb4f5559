/**
 * Running a build step's process in an OCI runtime ({@code runc}) over a root filesystem, sandboxed, within {@link
 * dev.berth.builder.runtime.ResourceLimits}.
 */
package dev.berth.builder.runtime;
