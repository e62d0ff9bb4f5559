/** Dockerfile parsing: instructions, stages, variable substitution and {@code .dockerignore}. */
package dev.berth.builder.dockerfile;
