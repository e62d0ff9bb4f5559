package dev.berth.builder.layer;

import java.util.List;

/**
 * What applying one or more tars did.
 *
 * @param entries the number of tar entries applied (whiteouts included)
 * @param warnings what was skipped or only partly applied (a device not permitted, an xattr refused), one line each
 */
public record UnpackResult(long entries, List<String> warnings) {
    public UnpackResult {
        warnings = List.copyOf(warnings);
    }
}
