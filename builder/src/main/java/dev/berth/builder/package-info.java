/**
 * The image builder: turns a Dockerfile and a build context into an OCI image, with no Docker daemon. It is a library
 * of its own, usable without the server: {@link dev.berth.builder.dockerfile} parses Dockerfiles, {@link
 * dev.berth.builder.layer} unpacks root filesystems and writes layers from their changes, {@link
 * dev.berth.builder.runtime} runs {@code RUN} steps in a real OCI runtime. See docs/builder.md.
 */
package dev.berth.builder;
