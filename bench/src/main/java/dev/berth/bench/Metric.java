package dev.berth.bench;

/**
 * What the benchmark reports, with the unit, which direction is better, and the Berth/Distribution ratio the issue
 * asks for (NaN when it sets none).
 */
enum Metric {
    LARGE_PUSH_MONOLITHIC("large blob push, monolithic (POST + PUT)", "MiB/s", Kind.THROUGHPUT, 2.0),
    LARGE_PUSH_CHUNKED("large blob push, chunked (PATCH x N + PUT)", "MiB/s", Kind.THROUGHPUT, 2.0),
    CURL_LARGE_PUSH_MONOLITHIC("large blob push, monolithic, curl -T", "MiB/s", Kind.THROUGHPUT, 2.0),
    CURL_LARGE_PUSH_CHUNKED("large blob push, chunked, curl PATCHes", "MiB/s", Kind.THROUGHPUT, 2.0),
    LARGE_PULL("large blob pull, verified after receipt", "MiB/s", Kind.THROUGHPUT, 1.0),
    CURL_LARGE_PULL("large blob pull to /dev/null, curl", "MiB/s", Kind.THROUGHPUT, 1.0),
    LARGE_PULL_HASHING("large blob pull, hashed as it arrives", "MiB/s", Kind.THROUGHPUT, Double.NaN),
    SMALL_PUSH("small blob push (POST + PUT)", "ops/s", Kind.THROUGHPUT, 1.5),
    CURL_SMALL_PUSH("small blob push, curl, one connection", "ops/s", Kind.THROUGHPUT, 1.5),
    SMALL_PULL("small blob pull, verified", "ops/s", Kind.THROUGHPUT, 1.5),
    MANIFEST_PUT("manifest PUT by tag", "ops/s", Kind.THROUGHPUT, 1.5),
    MANIFEST_GET("manifest GET by tag, verified", "ops/s", Kind.THROUGHPUT, 1.5),
    CURL_MANIFEST_GET("manifest GET by tag, curl, one connection", "ops/s", Kind.THROUGHPUT, 1.5),
    TAG_LIST("tag list, paged to the end", "ms", Kind.TIME, Double.NaN),
    TAG_LIST_REQUESTS("tag list requests needed", "count", Kind.COUNT, Double.NaN),
    PEAK_RSS("peak RSS during large-blob phase", "MiB", Kind.FOOTPRINT, Double.NaN),
    PEAK_HEAP("peak used heap during large-blob phase", "MiB", Kind.FOOTPRINT, Double.NaN),
    HEAP_AFTER_LARGE_PUSH("used heap right after large push", "MiB", Kind.FOOTPRINT, Double.NaN);

    /** How values compare and how rounds combine. */
    enum Kind {
        /** Higher is better; the best round counts. */
        THROUGHPUT,
        /** Lower is better; the best round counts. */
        TIME,
        /** Lower is better; the worst round counts, since a bound must hold every time. */
        FOOTPRINT,
        /** Information only; the last round counts. */
        COUNT
    }

    private final String label;
    private final String unit;
    private final Kind kind;
    private final double targetRatio;

    Metric(String label, String unit, Kind kind, double targetRatio) {
        this.label = label;
        this.unit = unit;
        this.kind = kind;
        this.targetRatio = targetRatio;
    }

    String label() {
        return label;
    }

    String unit() {
        return unit;
    }

    Kind kind() {
        return kind;
    }

    double targetRatio() {
        return targetRatio;
    }

    /** The unit of the server's CPU cost per unit of work, for throughput metrics. */
    String costUnit() {
        return unit.equals("MiB/s") ? "CPU s/GiB" : "CPU ms/op";
    }

    /** What turns CPU seconds per MiB or per operation into {@link #costUnit()}. */
    double costScale() {
        return unit.equals("MiB/s") ? 1024 : 1000;
    }

    /** Combines one round's value with the ones before; NaN means not measured. */
    double combine(double soFar, double next) {
        if (Double.isNaN(soFar)) {
            return next;
        }
        if (Double.isNaN(next)) {
            return soFar;
        }
        return switch (kind) {
            case THROUGHPUT, FOOTPRINT -> Math.max(soFar, next);
            case TIME -> Math.min(soFar, next);
            case COUNT -> next;
        };
    }
}
