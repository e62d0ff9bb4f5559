/**
 * Images as the builder sees them: names as Dockerfiles write them ({@link dev.berth.builder.image.ImageReference}),
 * platforms, image configs, base images resolved from any registry, and the content-addressed blob directory that
 * holds layers pulled and built.
 */
package dev.berth.builder.image;
