package dev.berth.it;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Repository names no other test or earlier run uses, so results never depend on order or leftovers. */
final class Names {
    private Names() {}

    /** The prefix followed by a random suffix: {@code skopeo/multi} becomes {@code skopeo/multi-3fa81c0d}. */
    static String unique(String prefix) {
        return prefix + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
}
