package dev.berth.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the runner. {@code bin/bench} passes the servers; everything else has the defaults of the
 * published benchmark, and can be shrunk for a quick look ({@code bin/bench --quick}).
 *
 * @param berth Berth under test
 * @param distribution Distribution under test
 * @param workDir where the large blob file is written
 * @param largeBytes size of the large blob
 * @param chunkBytes size of each PATCH of the chunked push
 * @param smallCount number of small blobs
 * @param smallBytes size of each small blob
 * @param manifestCount number of manifests (and tags)
 * @param clients concurrent clients in the small-blob and manifest phases
 * @param pageSize {@code n} of the tag listing
 * @param rounds rounds; the order of the servers alternates and the best round counts
 * @param warmupOps small requests each server gets before it is measured
 * @param webhookPushes manifest pushes per burst of the webhook load phase (Berth only); 0 skips it
 * @param curlRequests small blob pushes and manifest GETs of the curl phase (which also pushes and pulls the large
 *     blob); 0 skips it
 */
record BenchOptions(
        Target berth,
        Target distribution,
        Path workDir,
        long largeBytes,
        int chunkBytes,
        int smallCount,
        int smallBytes,
        int manifestCount,
        int clients,
        int pageSize,
        int rounds,
        int warmupOps,
        int webhookPushes,
        int curlRequests) {
    private static final Set<String> KEYS = Set.of(
            "berth",
            "berth-pid",
            "distribution",
            "distribution-pid",
            "work-dir",
            "large-mib",
            "chunk-mib",
            "small-count",
            "small-bytes",
            "manifests",
            "clients",
            "page-size",
            "rounds",
            "warmup",
            "webhook-pushes",
            "curl-requests");

    static final String USAGE = """
            usage: berth-bench --berth URL --berth-pid PID --distribution URL --distribution-pid PID --work-dir DIR
                               [--large-mib 1024] [--chunk-mib 32] [--small-count 5000] [--small-bytes 4096]
                               [--manifests 2000] [--clients 16] [--page-size 100] [--rounds 2] [--warmup 300]
                               [--webhook-pushes 1000] [--curl-requests 500]""";

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!KEYS.contains(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option: " + args[i]);
            }
            values.put(key, args[i + 1]);
        }
        return new BenchOptions(
                new Target(
                        "Berth", URI.create(required(values, "berth")), number(values, "berth-pid", -1), true, false),
                new Target(
                        "Distribution",
                        URI.create(required(values, "distribution")),
                        number(values, "distribution-pid", -1),
                        false,
                        true),
                Path.of(required(values, "work-dir")),
                number(values, "large-mib", 1024) << 20,
                (int) number(values, "chunk-mib", 32) << 20,
                (int) number(values, "small-count", 5000),
                (int) number(values, "small-bytes", 4096),
                (int) number(values, "manifests", 2000),
                (int) number(values, "clients", 16),
                (int) number(values, "page-size", 100),
                (int) number(values, "rounds", 2),
                (int) number(values, "warmup", 300),
                (int) number(values, "webhook-pushes", 1000),
                (int) number(values, "curl-requests", 500));
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return value;
    }

    private static long number(Map<String, String> values, String key, long fallback) {
        String value = values.get(key);
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " needs a number, got " + value);
        }
    }
}
