package dev.berth.bench;

/**
 * Phase 3: many small blobs pushed (POST, then PUT with the body) by concurrent clients, then pulled and verified by
 * as many. Content differs per round (seeded by round and index) and is prepared before the clock starts.
 */
final class SmallBlobPhase {
    void run(Session session) {
        BenchOptions options = session.options();
        int count = options.smallCount();
        byte[][] blobs = new byte[count][];
        String[] digests = new String[count];
        for (int i = 0; i < count; i++) {
            blobs[i] = RandomBytes.of(((long) session.round() << 32) | i, options.smallBytes());
            digests[i] = Sha256.of(blobs[i]);
        }
        String repository = session.repository("small");
        BlobPusher pusher = session.blobPusher();
        session.record(
                Metric.SMALL_PUSH,
                count,
                session.measure(() -> Parallel.run(
                        options.clients(),
                        count,
                        i -> pusher.pushMonolithic(repository, digests[i], RequestBody.bytes(blobs[i])))));
        BlobPuller puller = session.blobPuller();
        session.record(
                Metric.SMALL_PULL,
                count,
                session.measure(() -> Parallel.run(
                        options.clients(), count, i -> puller.pull(repository, digests[i], blobs[i].length))));
    }
}
