package dev.berth.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Concurrent pushers, each pushing small random images into a few shared repositories, in every upload style, as
 * fast as the registry takes them, until stopped. A push counts as acknowledged once its manifest PUT was answered
 * 201 with the right digest. Anything going wrong before {@link #stop} is a failure; after it (the registry is
 * being killed) it is expected, and that pusher ends.
 */
final class PushLoad {
    static final int REPOSITORIES = 4;

    /** A push the registry acknowledged: it must be served, byte for byte, from now on. */
    record Acknowledged(String repository, String tag, String digest, byte[] manifest, List<Descriptor> blobs) {}

    private final ImagePusher pusher;
    private final List<byte[]> sharedLayers;
    private final String round;
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    private PushLoad(RegistryClient registry, List<byte[]> sharedLayers, String round) {
        this.pusher = new ImagePusher(registry);
        this.sharedLayers = sharedLayers;
        this.round = round;
    }

    /** Starts the pushers; tags are {@code <round>-<pusher>-<n>}, so no two pushes share a tag. */
    static PushLoad start(RegistryClient registry, int pushers, List<byte[]> sharedLayers, String round, long seed) {
        PushLoad load = new PushLoad(registry, sharedLayers, round);
        for (int i = 0; i < pushers; i++) {
            int pusherId = i;
            Random random = new Random(seed * 31 + i);
            load.threads.add(
                    Thread.ofPlatform().name("pusher-" + round + "-" + i).start(() -> load.run(pusherId, random)));
        }
        return load;
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** From now on errors are expected: the registry is about to die. */
    void stop() {
        stopping = true;
    }

    /** Waits for every pusher to end and returns the acknowledged pushes; fails if any went wrong before the stop. */
    List<Acknowledged> await() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " pushes failed while Berth was up; first: " + failures.peek());
        }
        return List.copyOf(acknowledged);
    }

    private void run(int pusherId, Random random) {
        String repository = "crash/r" + pusherId % REPOSITORIES;
        for (int n = 0; !stopping; n++) {
            String tag = round + "-" + pusherId + "-" + n;
            try {
                acknowledged.add(push(repository, tag, RandomImage.create(random, sharedLayers), random));
            } catch (RuntimeException | AssertionError e) {
                if (!stopping) {
                    failures.add(repository + ":" + tag + ": " + e);
                }
                return;
            }
        }
    }

    private Acknowledged push(String repository, String tag, RandomImage image, Random random) {
        UploadStyle[] styles = UploadStyle.values();
        pusher.pushBlob(repository, image.config(), styles[random.nextInt(styles.length)]);
        for (byte[] layer : image.layers()) {
            if (sharedLayers.contains(layer)) {
                pushShared(repository, layer);
            } else {
                pusher.pushBlob(repository, layer, styles[random.nextInt(styles.length)]);
            }
        }
        String digest = pusher.pushManifest(repository, tag, RandomImage.MANIFEST_TYPE, image.manifest());
        if (!image.digest().equals(digest)) {
            throw new AssertionError("manifest PUT answered digest " + digest + ", not " + image.digest());
        }
        return new Acknowledged(repository, tag, digest, image.manifest(), image.blobs());
    }

    /** As clients do: HEAD first, then a mount from the first repository, then an upload if that is refused. */
    private void pushShared(String repository, byte[] layer) {
        if (pusher.hasBlob(repository, Digests.sha256(layer))) {
            return;
        }
        if (repository.equals("crash/r0")) {
            pusher.pushBlob(repository, layer, UploadStyle.POST_PATCH_PUT);
        } else {
            pusher.mountBlob(repository, "crash/r0", layer);
        }
    }
}
