package dev.berth.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 4: one config blob and one layer blob pushed first, then that many distinct image manifests referencing
 * them PUT by tag by concurrent clients, then GET by tag and verified. Tags are zero-padded, so their lexical order is
 * the order they were made in, which the tag-list phase checks.
 */
final class ManifestPhase {
    /** The repository the manifests went to, its tags in lexical order, and the manifest each tag names. */
    record TaggedRepository(String repository, List<String> tags, List<ImageManifest> manifests) {}

    TaggedRepository run(Session session) {
        int count = session.options().manifestCount();
        String repository = session.repository("manifests");
        ImageManifest[] manifests = pushBlobsAndPrepare(session, repository, count);
        List<String> tags = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tags.add(String.format("t%06d", i));
        }
        ManifestPusher pusher = session.manifestPusher();
        int clients = session.options().clients();
        session.record(
                Metric.MANIFEST_PUT,
                count,
                session.measure(
                        () -> Parallel.run(clients, count, i -> pusher.push(repository, tags.get(i), manifests[i]))));
        ManifestPuller puller = session.manifestPuller();
        session.record(
                Metric.MANIFEST_GET,
                count,
                session.measure(
                        () -> Parallel.run(clients, count, i -> puller.pull(repository, tags.get(i), manifests[i]))));
        return new TaggedRepository(repository, List.copyOf(tags), List.of(manifests));
    }

    /** Pushes the shared config and layer and builds the manifests that reference them. */
    static ImageManifest[] pushBlobsAndPrepare(Session session, String repository, int count) {
        String configJson = """
                {"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},\
                "config":{"Labels":{"dev.berth.bench.round":"%d","dev.berth.bench.repository":"%s"}}}""".formatted(session.round(), repository);
        ImageManifest.Blob config = ImageManifest.Blob.of(configJson.getBytes(StandardCharsets.UTF_8));
        ImageManifest.Blob layer = ImageManifest.Blob.of(RandomBytes.of(repository.hashCode(), 2048));
        for (ImageManifest.Blob blob : List.of(config, layer)) {
            session.blobPusher().pushMonolithic(repository, blob.digest(), RequestBody.bytes(blob.content()));
        }
        ImageManifest[] manifests = new ImageManifest[count];
        for (int i = 0; i < count; i++) {
            manifests[i] = ImageManifest.of(config, layer, Integer.toString(i));
        }
        return manifests;
    }
}
