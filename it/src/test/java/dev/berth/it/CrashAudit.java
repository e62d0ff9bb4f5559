package dev.berth.it;

import java.util.ArrayList;
import java.util.List;

/**
 * What must hold after Berth was killed and restarted: every acknowledged push is served by tag and by digest with
 * its exact bytes, with every blob it references whole; and every tag any repository of the catalog lists resolves
 * to a manifest whose blobs are all there, so nothing half-written is visible.
 */
final class CrashAudit {
    private final RegistryClient registry;
    private final ImageCheck images;

    CrashAudit(RegistryClient registry) {
        this.registry = registry;
        this.images = new ImageCheck(registry);
    }

    void acknowledgedPushesAreServed(List<PushLoad.Acknowledged> pushes) throws InterruptedException {
        Parallel.forEach(pushes, push -> {
            images.assertServes(push.repository(), push.tag(), push.manifest());
            images.assertServes(push.repository(), push.digest(), push.manifest());
            push.blobs().forEach(blob -> images.verifyBlob(push.repository(), blob));
        });
    }

    /** Checks every listed tag and returns how many there are. */
    int everyListedTagIsWhole() throws InterruptedException {
        List<String[]> tagged = new ArrayList<>();
        for (String repository : registry.catalog()) {
            registry.tags(repository).forEach(tag -> tagged.add(new String[] {repository, tag}));
        }
        Parallel.forEach(tagged, repositoryAndTag -> images.verify(repositoryAndTag[0], repositoryAndTag[1]));
        return tagged.size();
    }
}
