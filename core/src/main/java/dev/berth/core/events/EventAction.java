package dev.berth.core.events;

import java.util.Arrays;
import java.util.Optional;

/** What happened to a registry's content, with the name an event carries on the wire. */
public enum EventAction {
    /** A manifest was stored, and a tag pointed at it if pushed by tag. */
    PUSH("push"),
    /** A manifest was deleted, with every tag pointing at it. */
    DELETE("delete"),
    /** A tag was removed; its manifest stays. */
    TAG_DELETE("tag_delete"),
    /** A repository's whole content was deleted. */
    REPOSITORY_DELETE("repository_delete"),
    /** A scanner set a manifest's quarantine state. */
    QUARANTINE("quarantine"),
    /** A Helm chart (a manifest whose config is Helm's) was pushed: recorded instead of {@link #PUSH}. */
    CHART_PUSH("chart_push"),
    /** A Helm chart was deleted: recorded instead of {@link #DELETE}. */
    CHART_DELETE("chart_delete");

    private final String wireName;

    EventAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventAction> byWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }
}
