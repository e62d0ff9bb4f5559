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

    /** The manifest types Berth stores and serves. */
    public static final Set<String> MANIFESTS = Set.of(OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST);

    private MediaTypes() {}

    /** True for the two kinds that list other manifests rather than layers. */
    public static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
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
