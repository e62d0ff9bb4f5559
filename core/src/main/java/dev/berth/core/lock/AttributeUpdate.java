package dev.berth.core.lock;

/**
 * A change to changeable attributes, as a PATCH sends it: each value is the new setting, or null to leave that
 * attribute as it is.
 */
public record AttributeUpdate(Boolean deleteEnabled, Boolean writeEnabled, Boolean readEnabled, Boolean listEnabled) {
    /** Whether the update changes nothing at all. */
    public boolean isEmpty() {
        return deleteEnabled == null && writeEnabled == null && readEnabled == null && listEnabled == null;
    }
}
