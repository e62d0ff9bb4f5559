package dev.berth.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link BlobStore} must do. An implementation's test extends this and says how to open a store; a case
 * it cannot pass is overridden with {@code @Disabled("reason")}, so the gap is visible.
 */
public abstract class BlobStoreContract {
    @TempDir
    protected Path dir;

    protected BlobStore store;

    /** Opens a store; called again on the same directory to simulate a restart. */
    protected abstract BlobStore open(Path dir) throws IOException;

    @BeforeEach
    void openStore() throws IOException {
        store = open(dir);
    }

    @AfterEach
    void closeStore() throws IOException {
        store.close();
    }

    protected static byte[] bytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    protected static String newId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE)
                + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    private static InputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    protected Digest put(byte[] content) throws IOException {
        String id = newId();
        store.createUpload(id);
        store.append(id, in(content));
        Digest digest = Digest.sha256(content);
        assertTrue(store.commit(id, digest).verified());
        return digest;
    }

    protected byte[] read(Digest digest, long offset) throws IOException {
        try (BlobStore.BlobReader reader = store.open(digest).orElseThrow()) {
            return Channels.newInputStream(reader.channel(offset)).readAllBytes();
        }
    }

    @Test
    void anUnknownBlobIsAbsent() throws IOException {
        Digest digest = Digest.sha256("nothing".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), store.size(digest));
        assertTrue(store.open(digest).isEmpty());
        assertFalse(store.delete(digest));
    }

    @Test
    void aCommittedUploadIsReadableWholeAndFromAnOffset() throws IOException {
        byte[] content = bytes(300_000);
        Digest digest = put(content);
        assertEquals(Optional.of(300_000L), store.size(digest));
        assertArrayEquals(content, read(digest, 0));
        byte[] tail = read(digest, 299_990);
        assertEquals(10, tail.length);
        assertEquals(content[299_990], tail[0]);
    }

    @Test
    void largeStreamsInUnevenChunksKeepTheirDigest() throws IOException {
        byte[] content = bytes(5 * 1024 * 1024 + 123);
        String id = newId();
        store.createUpload(id);
        int[] cuts = {0, 1, 262_144, 262_145, 1_000_000, 4_194_304, content.length};
        for (int i = 1; i < cuts.length; i++) {
            assertEquals(cuts[i], store.append(id, in(java.util.Arrays.copyOfRange(content, cuts[i - 1], cuts[i]))));
        }
        assertTrue(store.commit(id, Digest.sha256(content)).verified());
        assertArrayEquals(content, read(Digest.sha256(content), 0));
    }

    @Test
    void chunksAccumulateInOrder() throws IOException {
        byte[] content = bytes(1000);
        String id = newId();
        store.createUpload(id);
        assertEquals(Optional.of(0L), store.uploadSize(id));
        assertEquals(400, store.append(id, in(java.util.Arrays.copyOfRange(content, 0, 400))));
        assertEquals(1000, store.append(id, in(java.util.Arrays.copyOfRange(content, 400, 1000))));
        BlobStore.CommitResult result = store.commit(id, Digest.sha256(content));
        assertTrue(result.verified());
        assertEquals(1000, result.size());
        assertEquals(Optional.empty(), store.uploadSize(id));
    }

    @Test
    void aWrongDigestMakesNothingVisibleAndRemovesTheUpload() throws IOException {
        byte[] content = bytes(100);
        String id = newId();
        store.createUpload(id);
        store.append(id, in(content));
        Digest claimed = Digest.sha256("other".getBytes(StandardCharsets.UTF_8));
        BlobStore.CommitResult result = store.commit(id, claimed);
        assertFalse(result.verified());
        assertEquals(Digest.sha256(content), result.actual());
        assertTrue(store.size(claimed).isEmpty());
        assertTrue(store.size(Digest.sha256(content)).isEmpty());
        assertTrue(store.uploadSize(id).isEmpty());
    }

    @Test
    void truncateUndoesARejectedChunk() throws IOException {
        byte[] good = bytes(500);
        String id = newId();
        store.createUpload(id);
        store.append(id, in(good));
        store.append(id, in(bytes(77)));
        store.truncate(id, 500);
        assertEquals(Optional.of(500L), store.uploadSize(id));
        assertTrue(store.commit(id, Digest.sha256(good)).verified());
    }

    @Test
    void aFailedStreamKeepsWhatArrivedAndTheDigestStaysRight() throws IOException {
        byte[] content = bytes(2000);
        String id = newId();
        store.createUpload(id);
        InputStream failing = new InputStream() {
            int served;

            @Override
            public int read() throws IOException {
                if (served == 1000) {
                    throw new IOException("client went away");
                }
                return content[served++] & 0xff;
            }
        };
        try {
            store.append(id, failing);
        } catch (IOException expected) {
            // the client is gone; the upload keeps the first bytes
        }
        long kept = store.uploadSize(id).orElseThrow();
        store.append(id, in(java.util.Arrays.copyOfRange(content, (int) kept, content.length)));
        assertTrue(store.commit(id, Digest.sha256(content)).verified());
    }

    @Test
    void aBodyInBuffersOfManySizesKeepsItsDigestAndEveryBufferIsReleased() throws IOException {
        byte[] content = bytes(3 * 1024 * 1024 + 77);
        String id = newId();
        store.createUpload(id);
        PartedBody body = PartedBody.of(content, 1000, 300 * 1024, 7, 256 * 1024, 1);
        assertEquals(content.length, store.append(id, body));
        assertEquals(0, body.unreleased());
        assertTrue(store.commit(id, Digest.sha256(content)).verified());
        assertArrayEquals(content, read(Digest.sha256(content), 0));
    }

    @Test
    void aBodyInBuffersThatFailsMidwayKeepsWhatArrivedAndReleasesEveryBuffer() throws IOException {
        byte[] content = bytes(2 * 1024 * 1024);
        String id = newId();
        store.createUpload(id);
        PartedBody body = PartedBody.failingAfter(5, content, 256 * 1024);
        try {
            store.append(id, body);
        } catch (IOException expected) {
            // the client is gone; the upload keeps the bytes that arrived
        }
        assertEquals(0, body.unreleased());
        long kept = store.uploadSize(id).orElseThrow();
        store.append(id, PartedBody.of(java.util.Arrays.copyOfRange(content, (int) kept, content.length), 100_000));
        assertTrue(store.commit(id, Digest.sha256(content)).verified());
    }

    @Test
    void uploadsSurviveARestart() throws IOException {
        byte[] content = bytes(5000);
        String id = newId();
        store.createUpload(id);
        store.append(id, in(java.util.Arrays.copyOfRange(content, 0, 2500)));
        store.close();
        store = open(dir);
        assertEquals(Optional.of(2500L), store.uploadSize(id));
        store.append(id, in(java.util.Arrays.copyOfRange(content, 2500, 5000)));
        assertTrue(store.commit(id, Digest.sha256(content)).verified());
        assertArrayEquals(content, read(Digest.sha256(content), 0));
    }

    @Test
    void sha512DigestsAreVerifiedToo() throws IOException {
        byte[] content = bytes(4096);
        String id = newId();
        store.createUpload(id);
        store.append(id, in(content));
        Digest digest = Digest.of(Digest.Algorithm.SHA512, content);
        assertTrue(store.commit(id, digest).verified());
        assertArrayEquals(content, read(digest, 0));
    }

    @Test
    void anEmptyBlobCanBeStored() throws IOException {
        Digest digest = put(new byte[0]);
        assertEquals(Optional.of(0L), store.size(digest));
        assertArrayEquals(new byte[0], read(digest, 0));
    }

    @Test
    void committingTheSameContentTwiceOrConcurrentlyIsHarmless() throws Exception {
        byte[] content = bytes(64 * 1024);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Digest>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> put(content)));
            }
            for (Future<Digest> result : results) {
                assertEquals(Digest.sha256(content), result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(content, read(Digest.sha256(content), 0));
    }

    @Test
    void deletedUploadsAndBlobsAreGone() throws IOException {
        String id = newId();
        store.createUpload(id);
        assertTrue(store.uploads().stream().anyMatch(u -> u.uploadId().equals(id)));
        store.deleteUpload(id);
        store.deleteUpload(id);
        assertTrue(store.uploadSize(id).isEmpty());
        assertFalse(store.uploads().stream().anyMatch(u -> u.uploadId().equals(id)));
        Digest digest = put(bytes(10));
        assertTrue(store.delete(digest));
        assertTrue(store.size(digest).isEmpty());
    }

    @Test
    void aHealthyStorePassesItsCheck() throws IOException {
        store.check();
    }
}
