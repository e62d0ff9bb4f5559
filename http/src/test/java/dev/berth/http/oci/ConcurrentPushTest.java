package dev.berth.http.oci;

import static dev.berth.http.oci.RegistryClient.withQuery;
import static dev.berth.http.oci.TestImages.OCI_MANIFEST;
import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import dev.berth.http.oci.TestImages.Pushed;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many clients doing the same thing at the same moment all succeed, and leave one consistent result. */
class ConcurrentPushTest {
    private static final int CLIENTS = 16;

    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private final RegistryClient client = server.client();
    private final String repository = uniqueRepository("concurrent");

    @Test
    void sixteenClientsPushingTheSameBlobAllSucceed() throws Exception {
        byte[] content = randomBytes(200_000);
        List<Digest> digests = concurrently(i -> client.pushBlob(repository, content));
        assertEquals(Set.of(Digest.sha256(content)), Set.copyOf(digests));
        assertArrayEquals(
                content,
                client.getBlob(repository, digests.getFirst()).assertStatus(200).body());
    }

    @Test
    void sixteenClientsPushingTheSameBlobInOneRequestToNewRepositoriesAllSucceed() throws Exception {
        byte[] content = randomBytes(50_000);
        Digest digest = Digest.sha256(content);
        List<String> repositories = concurrently(i -> {
            String name = repository + "/r" + (i % 4);
            client.post("/v2/" + name + "/blobs/uploads/?digest=" + digest, content)
                    .assertStatus(201);
            return name;
        });
        for (String name : Set.copyOf(repositories)) {
            assertArrayEquals(
                    content, client.getBlob(name, digest).assertStatus(200).body());
        }
    }

    @Test
    void sixteenClientsPushingTheSameManifestUnderTheSameTagAllSucceed() throws Exception {
        Pushed image = client.pushImage(repository, "seed");
        List<Digest> digests =
                concurrently(i -> client.pushManifest(repository, "latest", OCI_MANIFEST, image.content()));
        assertEquals(Set.of(image.digest()), Set.copyOf(digests));
        Reply reply = client.getManifest(repository, "latest").assertStatus(200);
        assertArrayEquals(image.content(), reply.body());
        assertEquals(List.of("latest", "seed"), Listings.names(client.get("/v2/" + repository + "/tags/list"), "tags"));
    }

    @Test
    void sixteenClientsPushingDifferentManifestsToOneTagLeaveItOnOneOfThem() throws Exception {
        List<Pushed> images = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            images.add(client.pushImage(repository, "image" + i));
        }
        concurrently(i -> client.pushManifest(
                repository, "latest", OCI_MANIFEST, images.get(i).content()));
        Reply reply = client.getManifest(repository, "latest").assertStatus(200);
        Digest served = Digest.parse(reply.header("Docker-Content-Digest"));
        assertEquals(Digest.sha256(reply.body()), served);
        assertTrue(images.stream().anyMatch(image -> image.digest().equals(served)));
    }

    @Test
    void ofSixteenClientsSendingTheSameFirstChunkExactlyOneIsAccepted() throws Exception {
        String location = client.startUpload(repository);
        byte[] chunk = randomBytes(10_000);
        List<Integer> statuses = concurrently(
                i -> client.patch(location, chunk, "Content-Range", "0-9999").status());
        assertEquals(1, Collections.frequency(statuses, 202), statuses.toString());
        assertEquals(CLIENTS - 1, Collections.frequency(statuses, 416), statuses.toString());
        assertEquals("0-9999", client.get(location).assertStatus(204).header("Range"));
        client.put(withQuery(location, "digest=" + Digest.sha256(chunk)), new byte[0])
                .assertStatus(201);
    }

    @Test
    void ofSixteenClientsFinishingTheSameUploadOneSucceedsAndTheOthersFindItGone() throws Exception {
        byte[] content = randomBytes(100_000);
        Digest digest = Digest.sha256(content);
        String location = client.startUpload(repository);
        client.patch(location, content).assertStatus(202);
        List<Reply> replies = concurrently(i -> client.put(withQuery(location, "digest=" + digest), new byte[0]));
        List<Integer> statuses = replies.stream().map(Reply::status).toList();
        assertEquals(1, Collections.frequency(statuses, 201), statuses.toString());
        replies.stream().filter(r -> r.status() != 201).forEach(r -> r.assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN));
        assertArrayEquals(
                content, client.getBlob(repository, digest).assertStatus(200).body());
    }

    @Test
    void cancellingAnUploadWhileOthersFinishItLeavesEitherTheBlobOrNothing() throws Exception {
        byte[] content = randomBytes(100_000);
        Digest digest = Digest.sha256(content);
        String location = client.startUpload(repository);
        client.patch(location, content).assertStatus(202);
        List<Reply> replies = concurrently(i -> i % 2 == 0
                ? client.delete(location)
                : client.put(withQuery(location, "digest=" + digest), new byte[0]));
        List<Integer> statuses = replies.stream().map(Reply::status).toList();
        assertEquals(
                1, Collections.frequency(statuses, 201) + Collections.frequency(statuses, 204), statuses.toString());
        replies.stream().filter(r -> r.status() >= 400).forEach(r -> r.assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN));
        client.getBlob(repository, digest).assertStatus(statuses.contains(201) ? 200 : 404);
    }

    @Test
    void sixteenStreamedChunksToOneUploadAreAppendedWholeOneAfterAnother() throws Exception {
        String location = client.startUpload(repository);
        byte[] chunk = randomBytes(300_000);
        List<Integer> statuses =
                concurrently(i -> client.patchStreamed(location, chunk).status());
        assertEquals(Set.of(202), Set.copyOf(statuses));
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (int i = 0; i < CLIENTS; i++) {
            whole.write(chunk);
        }
        Digest digest = Digest.sha256(whole.toByteArray());
        client.put(withQuery(location, "digest=" + digest), new byte[0]).assertStatus(201);
        assertEquals(
                Long.toString(whole.size()),
                client.head("/v2/" + repository + "/blobs/" + digest)
                        .assertStatus(200)
                        .header("Content-Length"));
    }

    @Test
    void pullsDuringPushesSeeEitherNothingOrTheWholeManifest() throws Exception {
        Pushed image = client.pushImage(repository, "seed");
        List<Integer> statuses = concurrently(i -> {
            if (i % 2 == 0) {
                return client.putManifest(repository, "racing", OCI_MANIFEST, image.content())
                        .status();
            }
            Reply reply = client.getManifest(repository, "racing");
            if (reply.status() == 200) {
                assertArrayEquals(image.content(), reply.body());
            }
            return reply.status();
        });
        assertTrue(Set.of(200, 201, 404).containsAll(statuses), statuses.toString());
    }

    /** Runs the task on 16 threads released at once; returns the results in thread order. */
    private static <T> List<T> concurrently(IntFunction<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        try (ExecutorService threads = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.apply(index);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
