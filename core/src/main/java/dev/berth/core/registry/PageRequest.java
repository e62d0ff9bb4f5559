package dev.berth.core.registry;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;

/**
 * The {@code n} and {@code last} parameters of a listing. A missing {@code n} asks for everything up to the
 * registry's cap; a larger one is cut to the cap, and the {@code Link} header leads on.
 */
public record PageRequest(int limit, String last) {
    public static final int MAX_LIMIT = 10_000;

    public PageRequest {
        if (limit < 0) {
            throw new RegistryException(ErrorCode.PAGINATION_NUMBER_INVALID, "n must not be negative");
        }
        limit = Math.min(limit, MAX_LIMIT);
        last = last == null || last.isEmpty() ? null : last;
    }

    /** Parses the raw query values, either of which may be null. */
    public static PageRequest parse(String n, String last) {
        if (n == null || n.isEmpty()) {
            return new PageRequest(MAX_LIMIT, last);
        }
        try {
            return new PageRequest(Integer.parseInt(n), last);
        } catch (NumberFormatException e) {
            throw new RegistryException(ErrorCode.PAGINATION_NUMBER_INVALID, "n must be a number: " + n);
        }
    }
}
