package dev.berth.builder.build;

import dev.berth.builder.image.ImageConfig;
import dev.berth.builder.image.ResolvedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a stage stands after each step: the image config, the layers, the cache key of the whole chain, the build
 * arguments in scope, and the root filesystem when one was needed.
 */
final class StageState {
    private final ImageConfig config;
    private final List<Layer> layers;
    private final Optional<ResolvedImage> base;
    private final Map<String, String> args = new LinkedHashMap<>();
    private CacheKey key;
    private Rootfs rootfs;
    private boolean cmdSetHere;

    StageState(ImageConfig config, List<Layer> layers, Optional<ResolvedImage> base, CacheKey key) {
        this.config = config;
        this.layers = new ArrayList<>(layers);
        this.base = base;
        this.key = key;
    }

    ImageConfig config() {
        return config;
    }

    List<Layer> layers() {
        return layers;
    }

    /** The stage's base image, when it starts from one (not from scratch or another stage). */
    Optional<ResolvedImage> base() {
        return base;
    }

    CacheKey key() {
        return key;
    }

    void advance(CacheKey next) {
        key = next;
    }

    /** The build arguments declared in this stage, with their values. */
    Map<String, String> args() {
        return args;
    }

    /** What {@code $VAR} expands to here: the stage's arguments, overridden by its environment (Docker's order). */
    Map<String, String> expansionEnv() {
        Map<String, String> env = new LinkedHashMap<>(args);
        env.putAll(config.env());
        return env;
    }

    /** The environment of a RUN: the image's, plus arguments it does not set, as {@code K=V}. */
    List<String> processEnv() {
        Map<String, String> env = new LinkedHashMap<>(config.env());
        args.forEach(env::putIfAbsent);
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    void addLayer(Layer layer, String createdBy, Instant created) {
        layers.add(layer);
        config.addLayer(layer.diffId(), createdBy, created);
    }

    void addHistory(String createdBy, Instant created) {
        config.addHistory(createdBy, created, true);
    }

    Optional<Rootfs> rootfs() {
        return Optional.ofNullable(rootfs);
    }

    void useRootfs(Rootfs value) {
        rootfs = value;
    }

    boolean cmdSetHere() {
        return cmdSetHere;
    }

    void markCmdSet() {
        cmdSetHere = true;
    }
}
