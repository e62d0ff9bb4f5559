package dev.berth.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Before anything is timed: a few hundred small requests (blob pushes and pulls, manifest PUTs and GETs, a paged
 * tag list) on as many clients as the measured phases use, and a push and pull of the large file's first bytes, so both servers have their
 * connections open and (for the JVM) the hot paths compiled. Nothing here is recorded.
 */
final class WarmupPhase {
    private final RandomBlobFile blob;

    WarmupPhase(RandomBlobFile blob) {
        this.blob = blob;
    }

    void run(Session session) throws IOException {
        int quarter = Math.max(1, session.options().warmupOps() / 4);
        int clients = session.options().clients();
        String repository = session.repository("warmup");
        BlobPusher pusher = session.blobPusher();
        BlobPuller puller = session.blobPuller();
        byte[][] blobs = new byte[quarter][];
        String[] digests = new String[quarter];
        for (int i = 0; i < quarter; i++) {
            blobs[i] = RandomBytes.of(
                    -1L - i - ((long) session.round() << 32), session.options().smallBytes());
            digests[i] = Sha256.of(blobs[i]);
        }
        Parallel.run(clients, quarter, i -> pusher.pushMonolithic(repository, digests[i], RequestBody.bytes(blobs[i])));
        Parallel.run(clients, quarter, i -> puller.pull(repository, digests[i], blobs[i].length));
        ImageManifest[] manifests = ManifestPhase.pushBlobsAndPrepare(session, repository, quarter);
        ManifestPusher manifestPusher = session.manifestPusher();
        ManifestPuller manifestPuller = session.manifestPuller();
        Parallel.run(clients, quarter, i -> manifestPusher.push(repository, "w" + i, manifests[i]));
        Parallel.run(clients, quarter, i -> manifestPuller.pull(repository, "w" + i, manifests[i]));
        session.tagLister().listAll(repository, Math.max(1, quarter / 4));
        try (FileChannel file = blob.open()) {
            pusher.pushMonolithic(repository, blob.prefixDigest(), new FileBody(file, 0, blob.prefixBytes()));
            pusher.pushChunked(
                    repository + "-chunked",
                    blob.prefixDigest(),
                    file,
                    blob.prefixBytes(),
                    session.options().chunkBytes());
            puller.pull(repository, blob.prefixDigest(), blob.prefixBytes());
        }
        session.report("warmed up with " + (4 * quarter) + " small operations and a " + (blob.prefixBytes() >> 20)
                + " MiB blob");
    }
}
