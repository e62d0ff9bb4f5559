package dev.berth.core.imports;

import dev.berth.core.oci.Digest;
import dev.berth.core.oci.RepositoryName;
import java.util.List;

/**
 * What an import did.
 *
 * @param digest the digest of the imported image or index
 * @param mediaType its media type
 * @param tags the tags written, all pointing at {@code digest}
 * @param repositories every repository that now holds the content
 * @param manifests manifests imported: the image, or the index and every manifest under it
 * @param blobsCopied blobs whose bytes were read from the source and stored
 * @param blobsLinked blobs linked to a repository without moving bytes, already stored in this installation
 * @param blobsPresent blobs every target repository held already
 * @param blobsReferenced layers left where their descriptors point (foreign and non-distributable ones)
 * @param bytesCopied the bytes read from the source and stored
 */
public record ImportResult(
        Digest digest,
        String mediaType,
        List<TargetTag> tags,
        List<RepositoryName> repositories,
        int manifests,
        int blobsCopied,
        int blobsLinked,
        int blobsPresent,
        int blobsReferenced,
        long bytesCopied) {}
