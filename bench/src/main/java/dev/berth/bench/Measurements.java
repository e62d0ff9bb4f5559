package dev.berth.bench;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The values one server produced in one round, or the combination of several rounds. */
final class Measurements {
    private final Map<Metric, Double> values = new EnumMap<>(Metric.class);
    private final Map<Metric, Double> costs = new EnumMap<>(Metric.class);
    private final Set<String> notes = new LinkedHashSet<>();

    void put(Metric metric, double value) {
        values.put(metric, value);
    }

    /** The value, or NaN when it was not measured. */
    double get(Metric metric) {
        return values.getOrDefault(metric, Double.NaN);
    }

    /** Records the server CPU a throughput metric's work cost, in {@link Metric#costUnit()}. */
    void putCost(Metric metric, double cost) {
        costs.put(metric, cost);
    }

    /** The CPU cost, or NaN when it was not measured. */
    double cost(Metric metric) {
        return costs.getOrDefault(metric, Double.NaN);
    }

    /** Remembers something the table should mention under the numbers. */
    void note(String note) {
        notes.add(note);
    }

    Set<String> notes() {
        return Collections.unmodifiableSet(notes);
    }

    /** Each metric combined over the rounds as {@link Metric#combine} says. */
    static Measurements combine(List<Measurements> rounds) {
        Measurements combined = new Measurements();
        for (Metric metric : Metric.values()) {
            double value = Double.NaN;
            for (Measurements round : rounds) {
                value = metric.combine(value, round.get(metric));
            }
            combined.put(metric, value);
            double cost = Double.NaN;
            for (Measurements round : rounds) {
                double next = round.cost(metric);
                cost = Double.isNaN(cost) || next < cost ? next : cost;
            }
            combined.putCost(metric, cost);
        }
        rounds.forEach(round -> combined.notes.addAll(round.notes));
        return combined;
    }

    static double mebibytes(long bytes) {
        return bytes < 0 ? Double.NaN : bytes / (double) (1 << 20);
    }
}
