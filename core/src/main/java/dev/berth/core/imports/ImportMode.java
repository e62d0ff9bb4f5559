package dev.berth.core.imports;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;

/** What an import does about a target tag that already points at other content: ARM's {@code mode}. */
public enum ImportMode {
    /** Refuse the whole import, before anything is written ({@link ErrorCode#TAG_CONFLICT}). The default. */
    NO_FORCE("NoForce"),
    /** Move the tag to the imported content. */
    FORCE("Force");

    private final String armName;

    ImportMode(String armName) {
        this.armName = armName;
    }

    /** ARM's spelling, {@code NoForce} or {@code Force}; case does not matter, and null or blank means NoForce. */
    public static ImportMode parse(String text) {
        if (text == null || text.isBlank()) {
            return NO_FORCE;
        }
        for (ImportMode mode : values()) {
            if (mode.armName.equalsIgnoreCase(text.trim())) {
                return mode;
            }
        }
        throw new RegistryException(ErrorCode.INVALID_REQUEST, "mode must be NoForce or Force, not " + text);
    }

    public String armName() {
        return armName;
    }
}
