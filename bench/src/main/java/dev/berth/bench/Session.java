package dev.berth.bench;

/**
 * One server in one round: where the phases send their requests and record what they measured. Repository names
 * carry the round, so every round writes into repositories (and, for small blobs, content) the server has not seen.
 */
record Session(Target target, int round, BenchOptions options, RegistryHttp http, CpuClock cpu, Measurements results) {
    /** Wall-clock time and server CPU time of one timed action. */
    record Sample(long nanos, double cpuSeconds) {}

    String repository(String name) {
        return "bench/r" + round + "/" + name;
    }

    /** Runs the action, timing it and the CPU the server spent meanwhile. */
    Sample measure(Runnable action) {
        double cpuBefore = cpu.seconds();
        long started = System.nanoTime();
        action.run();
        return new Sample(System.nanoTime() - started, cpu.seconds() - cpuBefore);
    }

    /** Records a throughput metric for {@code amount} units of work (MiB or operations) and its CPU cost. */
    void record(Metric metric, double amount, Sample sample) {
        double rate = amount / (sample.nanos() / 1e9);
        double cost = sample.cpuSeconds() * metric.costScale() / amount;
        results.put(metric, rate);
        results.putCost(metric, cost);
        report(String.format(
                "%-44s %9.1f %-5s  server CPU %6.3f %s", metric.label(), rate, metric.unit(), cost, metric.costUnit()));
    }

    BlobPusher blobPusher() {
        return new BlobPusher(http);
    }

    BlobPuller blobPuller() {
        return new BlobPuller(http);
    }

    ManifestPusher manifestPusher() {
        return new ManifestPusher(http);
    }

    ManifestPuller manifestPuller() {
        return new ManifestPuller(http);
    }

    TagLister tagLister() {
        return new TagLister(http);
    }

    /** Progress on stderr, so a long run shows it is alive. */
    void report(String what) {
        System.err.printf("bench: round %d %-12s %s%n", round, target.name(), what);
    }
}
