package dev.berth.core.lock;

import java.util.Optional;

/**
 * The changeable attributes of one repository, tag or manifest. Everything starts with all four on; turning one off
 * locks the item against what it names ({@code writeEnabled} off also refuses deletes, as in ACR).
 */
public record ChangeableAttributes(
        boolean deleteEnabled, boolean writeEnabled, boolean readEnabled, boolean listEnabled) {
    /** All four on: what every item has until someone changes it. */
    public static final ChangeableAttributes DEFAULT = new ChangeableAttributes(true, true, true, true);

    /** The name of the attribute that refuses the operation, or empty when it is allowed. */
    public Optional<String> refusal(Operation operation) {
        return switch (operation) {
            case READ -> readEnabled ? Optional.empty() : Optional.of("readEnabled");
            case WRITE -> writeEnabled ? Optional.empty() : Optional.of("writeEnabled");
            case DELETE ->
                !deleteEnabled
                        ? Optional.of("deleteEnabled")
                        : writeEnabled ? Optional.empty() : Optional.of("writeEnabled");
        };
    }

    /** These attributes with the update's values where it has one. */
    public ChangeableAttributes with(AttributeUpdate update) {
        return new ChangeableAttributes(
                update.deleteEnabled() == null ? deleteEnabled : update.deleteEnabled(),
                update.writeEnabled() == null ? writeEnabled : update.writeEnabled(),
                update.readEnabled() == null ? readEnabled : update.readEnabled(),
                update.listEnabled() == null ? listEnabled : update.listEnabled());
    }

    /** What a lock may refuse. */
    public enum Operation {
        /** Pulling a manifest, by digest or by a tag. */
        READ,
        /** Pushing a manifest, or pointing a tag elsewhere. */
        WRITE,
        /** Deleting a repository, a manifest or a tag. */
        DELETE
    }
}
