package dev.berth.builder.build;

import java.io.IOException;
import java.util.Optional;

/**
 * The shape every file-changing step shares: look its key up in the cache; on a miss, bring the stage's root
 * filesystem up to date, let the step change it and make its layer, and cache the result. Either way the stage gets
 * the layer (or an empty history entry when nothing changed) and the new key.
 */
final class LayerStep {
    private LayerStep() {}

    /** What a step made. */
    record Produced(Optional<Layer> layer, boolean appliedInPlace) {
        static Produced inPlace(Optional<Layer> layer) {
            return new Produced(layer, true);
        }

        static Produced separate(Layer layer) {
            return new Produced(Optional.of(layer), false);
        }
    }

    /** The work of a step over an up-to-date root filesystem. */
    @FunctionalInterface
    interface Producer {
        Produced produce(Rootfs rootfs) throws IOException, BuildException;
    }

    static void run(
            BuildSession session, StageState state, CacheKey key, String createdBy, StepLog step, Producer producer)
            throws IOException, BuildException {
        session.checkCancelled();
        if (!session.request.noCache()) {
            Optional<BuildCache.Entry> hit = session.cache.find(key);
            if (hit.isPresent()) {
                record(state, hit.get().layer().map(Layer::of), createdBy, session);
                state.advance(key);
                session.countCached();
                step.cached();
                return;
            }
        }
        Rootfs rootfs = materialize(session, state);
        Produced produced = producer.produce(rootfs);
        session.cache.put(key, new BuildCache.Entry(produced.layer().map(Layer::toCached)));
        record(state, produced.layer(), createdBy, session);
        if (produced.appliedInPlace() && produced.layer().isPresent()) {
            rootfs.layerAppliedInPlace();
        }
        state.advance(key);
        session.countExecuted();
        step.done();
    }

    /** The stage's root filesystem, made and caught up with every layer the stage has so far. */
    static Rootfs materialize(BuildSession session, StageState state) throws IOException {
        if (state.base().isPresent()) {
            session.bases.fetchLayers(state.base().get());
        }
        Rootfs rootfs = state.rootfs().orElse(null);
        if (rootfs == null) {
            rootfs = Rootfs.create(session.workDir);
            state.useRootfs(rootfs);
        }
        rootfs.catchUp(state.layers(), session.blobs);
        return rootfs;
    }

    private static void record(StageState state, Optional<Layer> layer, String createdBy, BuildSession session) {
        if (layer.isPresent()) {
            state.addLayer(layer.get(), session.mask(createdBy), session.created);
        } else {
            state.addHistory(session.mask(createdBy), session.created);
        }
    }
}
