package dev.berth.builder.build;

import dev.berth.builder.image.ImageConfig;
import dev.berth.builder.image.Platform;
import dev.berth.builder.image.ResolvedImage;
import dev.berth.core.oci.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where a stage starts: {@code scratch}, an image, or an earlier stage's result. */
final class StageStart {
    private StageStart() {}

    static StageState scratch(Platform platform) {
        return new StageState(
                ImageConfig.empty(platform), List.of(), Optional.empty(), CacheKey.root("scratch " + platform));
    }

    /** An image's config and layers; its layers are fetched only if a step needs its files. */
    static StageState fromImage(ResolvedImage image, CacheKey key) {
        List<Digest> diffIds = image.config().diffIds();
        if (diffIds.size() != image.layers().size()) {
            throw new IllegalArgumentException(image.reference() + " has "
                    + image.layers().size() + " layers but its config lists " + diffIds.size() + " diff ids");
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            layers.add(Layer.of(image.layers().get(i), diffIds.get(i)));
        }
        return new StageState(image.config().copy(), layers, Optional.of(image), key);
    }

    /** A stage built on an earlier one: its config and layers, its key; its root filesystem is not shared. */
    static StageState fromStage(StageState earlier) {
        return new StageState(earlier.config().copy(), earlier.layers(), earlier.base(), earlier.key());
    }
}
