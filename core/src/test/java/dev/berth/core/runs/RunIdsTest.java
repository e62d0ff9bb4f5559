package dev.berth.core.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RunIdsTest {
    @Test
    void idsCountInBase36AfterThePrefixAsAcr() {
        List<String> ids =
                LongStream.of(1, 9, 10, 35, 36, 37, 1296).mapToObj(RunIds::of).toList();

        assertEquals(List.of("ca1", "ca9", "caa", "caz", "ca10", "ca11", "ca100"), ids);
    }

    @Test
    void numbersStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> RunIds.of(0));
    }
}
