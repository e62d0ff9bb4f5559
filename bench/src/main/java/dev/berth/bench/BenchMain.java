package dev.berth.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point: writes the large blob file, runs the workload against both servers for each round (Berth first in
 * odd rounds, Distribution first in even ones) and prints the table. Exit codes: 0 when every check passed, 1 when a
 * server gave a wrong answer, 2 for bad options or a local failure. Missed targets are reported, not failed.
 */
public final class BenchMain {
    private static final long WARMUP_BLOB_BYTES = 64L << 20;

    private BenchMain() {}

    public static void main(String[] args) {
        // Read once, when HttpURLConnection's keep-alive cache first loads: keep a connection per client thread
        // (the default of 5 would make 11 of 16 clients reconnect on every request).
        System.setProperty("http.maxConnections", "64");
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(BenchOptions.USAGE);
            return 0;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            return 2;
        }
        try {
            return runRounds(options);
        } catch (VerificationFailure e) {
            System.err.println("bench: VERIFICATION FAILED: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("bench: failed: " + e);
            e.printStackTrace();
            return 2;
        }
    }

    private static int runRounds(BenchOptions options) throws IOException {
        System.err.printf(
                "bench: writing %d MiB of random bytes to %s%n", options.largeBytes() >> 20, options.workDir());
        RandomBlobFile blob = RandomBlobFile.create(
                options.workDir().resolve("large.blob"),
                options.largeBytes(),
                Math.min(WARMUP_BLOB_BYTES, options.largeBytes() / 2),
                0x5EED);
        DiskSync.flush();
        Workload workload = new Workload(options, blob);
        List<Measurements> berth = new ArrayList<>();
        List<Measurements> distribution = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            if (round % 2 == 1) {
                berth.add(workload.run(options.berth(), round));
                distribution.add(workload.run(options.distribution(), round));
            } else {
                distribution.add(workload.run(options.distribution(), round));
                berth.add(workload.run(options.berth(), round));
            }
        }
        int missed = new ResultTable(berth, distribution).print(System.out, options);
        if (options.webhookPushes() > 0) {
            missed += new WebhookLoadPhase(options).run();
        }
        System.out.printf("%nAll responses verified. Targets missed: %d.%n", missed);
        return 0;
    }
}
