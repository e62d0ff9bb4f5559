package dev.berth.buildbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Entry point: {@code --registry 127.0.0.1:PORT --base bench/busybox:1 --work-dir DIR [--rounds 2]}. For each round
 * (Berth first in odd rounds, buildah first in even ones) a cold build in a fresh state directory, then three cached
 * rebuilds in it; the best of each counts. Exit code 0 when both built every time, 2 otherwise.
 */
public final class BuildBenchMain {
    private BuildBenchMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String registry = options.get("registry");
        Path work = Path.of(options.get("work-dir"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
        String base = registry + "/" + options.getOrDefault("base", "bench/busybox:1");
        Path context = BenchContext.write(Files.createDirectories(work.resolve("context")), base);
        Timings berth = new Timings();
        Timings buildah = new Timings();
        for (int round = 1; round <= rounds; round++) {
            Path roundDir = Files.createDirectories(work.resolve("round-" + round));
            if (round % 2 == 1) {
                runBerth(context, roundDir.resolve("berth"), registry, berth);
                runBuildah(context, roundDir.resolve("buildah"), buildah);
            } else {
                runBuildah(context, roundDir.resolve("buildah"), buildah);
                runBerth(context, roundDir.resolve("berth"), registry, berth);
            }
        }
        print(berth, buildah);
    }

    private static void runBerth(Path context, Path state, String registry, Timings timings) throws Exception {
        Files.createDirectories(state);
        timings.cold(time(() -> Builders.berth(context, state, registry)));
        for (int i = 0; i < 3; i++) {
            timings.cached(time(() -> Builders.berth(context, state, registry)));
        }
        report("Berth", timings);
    }

    private static void runBuildah(Path context, Path state, Timings timings) throws Exception {
        Files.createDirectories(state);
        Map<String, String> env = System.getenv();
        timings.cold(time(() -> Builders.buildah(context, state, env)));
        for (int i = 0; i < 3; i++) {
            timings.cached(time(() -> Builders.buildah(context, state, env)));
        }
        report("buildah", timings);
    }

    private interface Build {
        void run() throws Exception;
    }

    private static double time(Build build) throws Exception {
        long started = System.nanoTime();
        build.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private static void report(String name, Timings timings) {
        System.err.printf(
                "bench-build: %-8s cold best %.2f s, cached best %.3f s%n", name, timings.cold, timings.cached);
    }

    private static void print(Timings berth, Timings buildah) {
        double coldRatio = buildah.cold / berth.cold;
        double cachedRatio = buildah.cached / berth.cached;
        System.out.printf(
                "%nBuilder benchmark (best of each; ratio = buildah time / Berth time, > 1 means Berth is faster)%n");
        System.out.printf("  %-28s %10s %10s %8s  %s%n", "", "Berth", "buildah", "ratio", "target");
        System.out.printf(
                "  %-28s %9.2fs %9.2fs %8.2f  >= 1.0%s%n",
                "cold build (pulls the base)", berth.cold, buildah.cold, coldRatio, coldRatio >= 1.0 ? "" : "  MISSED");
        System.out.printf(
                "  %-28s %9.3fs %9.3fs %8.2f  > 1.0%s%n",
                "cached rebuild (no change)",
                berth.cached,
                buildah.cached,
                cachedRatio,
                cachedRatio > 1.0 ? "" : "  MISSED");
    }

    /** The best (shortest) cold and cached times seen. */
    private static final class Timings {
        double cold = Double.MAX_VALUE;
        double cached = Double.MAX_VALUE;

        void cold(double seconds) {
            cold = Math.min(cold, seconds);
        }

        void cached(double seconds) {
            cached = Math.min(cached, seconds);
        }
    }
}
