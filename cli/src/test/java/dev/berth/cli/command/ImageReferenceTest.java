package dev.berth.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {
    @Test
    void aTagFollowsTheLastColonAfterTheLastSlash() {
        assertEquals(
                new ImageReference("team/app", Optional.of("1.0"), Optional.empty()),
                ImageReference.parse("team/app:1.0"));
        assertEquals(
                new ImageReference("localhost:5000/app", Optional.empty(), Optional.empty()),
                ImageReference.parse("localhost:5000/app"));
    }

    @Test
    void aDigestFollowsTheAt() {
        ImageReference image = ImageReference.parse("app@sha256:abc");

        assertEquals(Optional.of("sha256:abc"), image.digest());
        assertEquals(Optional.of("sha256:abc"), image.reference());
        assertEquals("app@sha256:abc", image.toString());
    }

    @Test
    void emptyPartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("app:"));
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(":1"));
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("app@abc"));
    }
}
