package dev.berth.core.quarantine;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scanner decided about a manifest, as ACR's {@code PATCH /acr/v1/<repo>/_manifests/<digest>} sets it.
 *
 * @param details the scanner's report, a JSON document kept as the string it sent ({@code quarantineDetails});
 *     empty when it sent none
 */
public record Quarantine(State state, String details) {
    /** The longest details kept, in characters. */
    public static final int MAX_DETAILS = 16 * 1024;

    /** The scan's verdict, with ACR's spelling. */
    public enum State {
        PASSED("Passed"),
        FAILED("Failed");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<State> byWireName(String name) {
            return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
        }
    }

    public Quarantine {
        Objects.requireNonNull(state, "state");
        details = details == null ? "" : details;
        if (details.length() > MAX_DETAILS) {
            throw new IllegalArgumentException("quarantine details are longer than " + MAX_DETAILS + " characters");
        }
    }
}
