package dev.berth.core.registry;

import java.util.List;

/** One page of a listing, and whether more follows it. */
public record Page<T>(List<T> items, boolean hasMore) {
    /** Cuts a list fetched with one extra row down to the page size. */
    static <T> Page<T> of(List<T> fetched, int limit) {
        boolean more = fetched.size() > limit;
        return new Page<>(more ? List.copyOf(fetched.subList(0, limit)) : List.copyOf(fetched), more);
    }
}
