/** Running a build step's process in an OCI runtime ({@code runc}) over a root filesystem. */
package dev.berth.builder.runtime;
