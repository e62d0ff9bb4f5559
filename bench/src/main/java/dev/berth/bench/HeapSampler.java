package dev.berth.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The used Java heap of a JVM, from one long-running {@code jstat -gc <pid> 100}: it reads the target's perf-data
 * file, so it does not stop the target the way an attach ({@code jcmd}) would. Used heap is the sum of the
 * {@code *U} columns (survivor, eden, old) that the collector fills in; ZGC reports all of it as eden.
 */
final class HeapSampler implements MemorySampler {
    private static final List<String> USED_COLUMNS = List.of("S0U", "S1U", "EU", "OU");

    private final Process jstat;
    private final AtomicLong max = new AtomicLong(-1);
    private final AtomicLong latest = new AtomicLong(-1);
    private final CountDownLatch firstSample = new CountDownLatch(1);

    private HeapSampler(long pid) throws IOException {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "jstat");
        this.jstat = new ProcessBuilder(tool.toString(), "-gc", Long.toString(pid), "100")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Thread.ofPlatform().daemon().name("bench-jstat-" + pid).start(this::read);
    }

    /** Starts sampling and waits (up to 10 s) for the first sample, so jstat's own start-up is not measured. */
    static MemorySampler start(long pid) {
        if (pid <= 0) {
            return MemorySampler.none();
        }
        try {
            HeapSampler sampler = new HeapSampler(pid);
            if (!sampler.firstSample.await(10, TimeUnit.SECONDS)) {
                System.err.println("bench: jstat gave no heap sample for pid " + pid);
            }
            return sampler;
        } catch (IOException e) {
            System.err.println("bench: cannot run jstat: " + e.getMessage());
            return MemorySampler.none();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MemorySampler.none();
        }
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.US_ASCII))) {
            List<String> header = null;
            for (String line; (line = lines.readLine()) != null; ) {
                List<String> fields = Arrays.asList(line.trim().split("\\s+"));
                if (fields.contains("EU")) {
                    header = fields;
                } else if (header != null && fields.size() == header.size()) {
                    record(usedBytes(header, fields));
                }
            }
        } catch (IOException e) {
            // jstat was stopped
        }
    }

    private void record(long used) {
        latest.set(used);
        max.accumulateAndGet(used, Math::max);
        firstSample.countDown();
    }

    private static long usedBytes(List<String> header, List<String> fields) {
        double kib = 0;
        for (String column : USED_COLUMNS) {
            int i = header.indexOf(column);
            if (i >= 0 && !fields.get(i).equals("-")) {
                kib += Double.parseDouble(fields.get(i));
            }
        }
        return (long) (kib * 1024);
    }

    @Override
    public long max() {
        return max.get();
    }

    @Override
    public long latest() {
        return latest.get();
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
