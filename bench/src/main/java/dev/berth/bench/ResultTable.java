package dev.berth.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The report: one row per metric with both servers' values (best round for speed, worst for memory), the ratio
 * Berth/Distribution, the ratio the issue asks for and whether it was met; then every round's raw values.
 */
final class ResultTable {
    private static final String ROW = "| %-42s | %-6s | %12s | %12s | %10s | %7s | %-6s |%n";

    private final List<Measurements> berth;
    private final List<Measurements> distribution;

    ResultTable(List<Measurements> berth, List<Measurements> distribution) {
        this.berth = berth;
        this.distribution = distribution;
    }

    /** Prints the table; returns how many targets were missed. */
    int print(PrintStream out, BenchOptions options) {
        Measurements b = Measurements.combine(berth);
        Measurements d = Measurements.combine(distribution);
        out.printf(
                Locale.ROOT,
                "%nBerth vs Distribution: large blob %d MiB (chunks %d MiB), %d small blobs of %d B, %d manifests,"
                        + " %d clients, tag pages of %d, best of %d rounds%n",
                options.largeBytes() >> 20,
                options.chunkBytes() >> 20,
                options.smallCount(),
                options.smallBytes(),
                options.manifestCount(),
                options.clients(),
                options.pageSize(),
                options.rounds());
        out.println("Ratio = Berth / Distribution. MiB/s and ops/s: higher is better, so a ratio above 1 favours Berth;"
                + " ms and MiB: lower is better, so a ratio below 1 favours Berth.");
        out.println();
        out.printf(Locale.ROOT, ROW, "metric", "unit", "Berth", "Distribution", "ratio", "target", "");
        out.printf(
                Locale.ROOT,
                ROW,
                "-".repeat(42),
                "-".repeat(6),
                "-".repeat(12),
                "-".repeat(12),
                "-".repeat(10),
                "-".repeat(7),
                "-".repeat(6));
        int missed = 0;
        for (Metric metric : Metric.values()) {
            double ratio = b.get(metric) / d.get(metric);
            String verdict = verdict(metric, ratio);
            if (verdict.equals("MISSED")) {
                missed++;
            }
            out.printf(
                    Locale.ROOT,
                    ROW,
                    metric.label(),
                    metric.unit(),
                    number(b.get(metric)),
                    number(d.get(metric)),
                    ratio(ratio),
                    target(metric),
                    verdict);
        }
        Stream.concat(b.notes().stream(), d.notes().stream()).distinct().forEach(note -> out.println("Note: " + note));
        printCosts(out, b, d);
        printRounds(out);
        return missed;
    }

    private static void printCosts(PrintStream out, Measurements b, Measurements d) {
        out.println();
        out.println(
                "Server CPU per unit of work (user + system time of the server process, best round; lower is better,"
                        + " so a ratio below 1 favours Berth):");
        out.println();
        out.printf(Locale.ROOT, ROW, "work", "unit", "Berth", "Distribution", "ratio", "", "");
        out.printf(
                Locale.ROOT,
                ROW,
                "-".repeat(42),
                "-".repeat(6),
                "-".repeat(12),
                "-".repeat(12),
                "-".repeat(10),
                "",
                "");
        for (Metric metric : Metric.values()) {
            if (metric.kind() == Metric.Kind.THROUGHPUT) {
                out.printf(
                        Locale.ROOT,
                        ROW,
                        metric.label(),
                        metric.costUnit().replace("CPU ", ""),
                        cost(b.cost(metric)),
                        cost(d.cost(metric)),
                        ratio(b.cost(metric) / d.cost(metric)),
                        "",
                        "");
            }
        }
    }

    private static String cost(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private void printRounds(PrintStream out) {
        out.println();
        out.println("Every round (Berth went first in odd rounds, Distribution in even ones):");
        for (Metric metric : Metric.values()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-42s", metric.label()));
            for (int r = 0; r < berth.size(); r++) {
                line.append(String.format(
                        Locale.ROOT,
                        "  r%d B %s D %s",
                        r + 1,
                        number(berth.get(r).get(metric)),
                        number(distribution.get(r).get(metric))));
            }
            out.println(line);
        }
    }

    private static String verdict(Metric metric, double ratio) {
        if (Double.isNaN(metric.targetRatio()) || Double.isNaN(ratio)) {
            return "";
        }
        return ratio >= metric.targetRatio() ? "met" : "MISSED";
    }

    private static String target(Metric metric) {
        return Double.isNaN(metric.targetRatio()) ? "" : String.format(Locale.ROOT, ">= %.1f", metric.targetRatio());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }
}
