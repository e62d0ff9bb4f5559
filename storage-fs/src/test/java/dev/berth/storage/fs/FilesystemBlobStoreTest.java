package dev.berth.storage.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.oci.Digest;
import dev.berth.core.spi.BlobStore;
import dev.berth.core.spi.BlobStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FilesystemBlobStoreTest extends BlobStoreContract {
    @Override
    protected BlobStore open(Path dir) throws IOException {
        return new FilesystemBlobStore(dir);
    }

    @Test
    void blobsLiveUnderTheirDigestInTheDocumentedLayout() throws IOException {
        Digest digest = put(bytes(10));
        assertTrue(Files.isRegularFile(dir.resolve("blobs/sha256")
                .resolve(digest.hex().substring(0, 2))
                .resolve(digest.hex())));
    }

    @Test
    void aCommittedUploadLeavesNoFileBehind() throws IOException {
        put(bytes(10));
        try (Stream<Path> uploads = Files.list(dir.resolve("uploads"))) {
            assertEquals(0, uploads.count());
        }
    }
}
