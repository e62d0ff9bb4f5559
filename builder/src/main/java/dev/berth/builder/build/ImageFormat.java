package dev.berth.builder.build;

import dev.berth.core.oci.MediaTypes;

/** The media types a built image is written with. */
public enum ImageFormat {
    OCI(
            MediaTypes.OCI_MANIFEST,
            "application/vnd.oci.image.config.v1+json",
            "application/vnd.oci.image.layer.v1.tar+gzip"),
    DOCKER(
            MediaTypes.DOCKER_MANIFEST,
            "application/vnd.docker.container.image.v1+json",
            "application/vnd.docker.image.rootfs.diff.tar.gzip");

    private final String manifestType;
    private final String configType;
    private final String gzipLayerType;

    ImageFormat(String manifestType, String configType, String gzipLayerType) {
        this.manifestType = manifestType;
        this.configType = configType;
        this.gzipLayerType = gzipLayerType;
    }

    public String manifestType() {
        return manifestType;
    }

    public String configType() {
        return configType;
    }

    /**
     * A layer's media type in this format: gzip tars (OCI's or Docker's name for them) take this format's name, so a
     * base image's Docker layers sit in an OCI manifest under OCI names; anything else is kept.
     */
    public String layerType(String mediaType) {
        return switch (mediaType) {
            case "application/vnd.oci.image.layer.v1.tar+gzip", "application/vnd.docker.image.rootfs.diff.tar.gzip" ->
                gzipLayerType;
            default -> mediaType;
        };
    }
}
