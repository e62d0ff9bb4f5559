package dev.berth.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Phases 1 and 2: the large blob pushed monolithically, pushed again to another repository in chunks, then pulled
 * twice: hashed as it arrives (bound by the client's SHA-256 on this machine), and received into memory set aside
 * beforehand and verified once the clock has stopped (bound by the server). Memory is sampled throughout: RSS for both servers, used heap for a JVM. Dirty pages left by whoever ran
 * before are flushed before each push, so neither server pays for the other's writeback.
 */
final class LargeBlobPhase {
    private final RandomBlobFile blob;

    LargeBlobPhase(RandomBlobFile blob) {
        this.blob = blob;
    }

    void run(Session session) throws IOException {
        Target target = session.target();
        String monolithic = session.repository("large-monolithic");
        double mebibytes = Measurements.mebibytes(blob.size());
        try (FileChannel file = blob.open();
                MemorySampler heap = target.jvm() ? HeapSampler.start(target.pid()) : MemorySampler.none();
                MemorySampler rss = RssSampler.start(target.pid())) {
            DiskSync.flush();
            session.record(Metric.LARGE_PUSH_MONOLITHIC, mebibytes, session.measure(() -> session.blobPusher()
                    .pushMonolithic(monolithic, blob.digest(), new FileBody(file, 0, blob.size()))));
            session.results().put(Metric.HEAP_AFTER_LARGE_PUSH, Measurements.mebibytes(afterNextSample(heap)));
            DiskSync.flush();
            session.record(Metric.LARGE_PUSH_CHUNKED, mebibytes, session.measure(() -> session.blobPusher()
                    .pushChunked(
                            session.repository("large-chunked"),
                            blob.digest(),
                            file,
                            blob.size(),
                            session.options().chunkBytes())));
            DiskSync.flush();
            session.record(Metric.LARGE_PULL_HASHING, mebibytes, session.measure(() -> session.blobPuller()
                    .pull(monolithic, blob.digest(), blob.size())));
            ReceivedBody received = new ReceivedBody(blob.size());
            session.record(Metric.LARGE_PULL, mebibytes, session.measure(() -> session.blobPuller()
                    .pullInto(monolithic, blob.digest(), received)));
            BlobPuller.verify(monolithic, blob.digest(), blob.size(), received);
            session.results().put(Metric.PEAK_HEAP, Measurements.mebibytes(heap.max()));
            session.results().put(Metric.PEAK_RSS, Measurements.mebibytes(rss.max()));
        }
    }

    /** The heap as the sampler sees it once it has taken a sample after now. */
    private static long afterNextSample(MemorySampler heap) {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return heap.latest();
    }
}
