package dev.berth.core.oci;

import java.util.Set;

/** The media types the data plane understands as manifests, and a few others it names. */
public final class MediaTypes {
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
    public static final String DOCKER_SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";
    public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
    public static final String OCTET_STREAM = "application/octet-stream";
    public static final String JSON = "application/json";
    /** A Windows base layer that Docker clients download from the URLs its descriptor gives, never from a registry. */
    public static final String DOCKER_FOREIGN_LAYER = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
    /** The prefix of the OCI layer types marked non-distributable (deprecated by image-spec 1.1, still met). */
    public static final String OCI_NONDISTRIBUTABLE_PREFIX = "application/vnd.oci.image.layer.nondistributable.";

    /** The manifest types Berth stores and serves. */
    public static final Set<String> MANIFESTS = Set.of(OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST);

    private MediaTypes() {}

    /** True for the two kinds that list other manifests rather than layers. */
    public static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
    }

    /** True for layer types that registries are not expected to hold: Docker foreign and OCI non-distributable. */
    public static boolean isNonDistributable(String mediaType) {
        return mediaType != null
                && (DOCKER_FOREIGN_LAYER.equals(mediaType) || mediaType.startsWith(OCI_NONDISTRIBUTABLE_PREFIX));
    }

    /** The bare type of a Content-Type value, without parameters, or null. */
    public static String bare(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String bare = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
        return bare.isEmpty() ? null : bare;
    }
}
