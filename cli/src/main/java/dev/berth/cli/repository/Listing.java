package dev.berth.cli.repository;

import dev.berth.cli.command.Choice;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the commands that list inside one repository take: {@code -n/--name/--repository}, {@code --orderby} and
 * {@code --top}.
 */
final class Listing {
    @Option(
            names = {"-n", "--name", "--repository"},
            required = true,
            paramLabel = "REPOSITORY",
            description = "The repository.")
    String repository;

    @Option(
            names = "--orderby",
            paramLabel = "time_asc|time_desc",
            converter = OrderBy.class,
            completionCandidates = OrderBy.class,
            description = "Order by last update.")
    String orderBy;

    @Mixin
    Top top;

    /** The query of {@code --orderby}: ACR spells {@code time_desc} as {@code timedesc}. */
    Map<String, String> query() {
        return orderBy == null ? Map.of() : Map.of("orderby", orderBy.replace("_", ""));
    }

    /** {@code --orderby}. */
    static final class OrderBy extends Choice {
        OrderBy() {
            super("time_asc", "time_desc");
        }
    }

    /** {@code --top}. */
    static final class Top {
        @Option(names = "--top", paramLabel = "N", description = "At most this many.")
        Integer n;
    }
}
