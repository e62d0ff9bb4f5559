package dev.berth.builder.image;

import dev.berth.core.imports.ImageSource;
import java.io.IOException;

/**
 * Opens the registry a base image lives in, by the host an image name carries ({@code docker.io},
 * {@code myreg.localhost:5000}). The server answers its own registries from its stores and others over HTTP with the
 * run's credentials; a build outside the server uses HTTP for all.
 */
@FunctionalInterface
public interface ImageSources {
    ImageSource open(String registry) throws IOException;
}
