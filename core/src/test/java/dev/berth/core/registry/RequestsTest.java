package dev.berth.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.spi.DetailStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestsTest {
    @Test
    void pageRequestDefaultsToTheCapAndCutsLargerOnes() {
        assertEquals(PageRequest.MAX_LIMIT, PageRequest.parse(null, null).limit());
        assertEquals(PageRequest.MAX_LIMIT, PageRequest.parse("99999999", null).limit());
        assertEquals(0, PageRequest.parse("0", "").limit());
        assertNull(PageRequest.parse("5", "").last());
    }

    @Test
    void pageRequestRefusesNonNumbersAndNegatives() {
        for (String n : List.of("-1", "x", "1.5", "99999999999999999999")) {
            assertEquals(
                    ErrorCode.PAGINATION_NUMBER_INVALID,
                    assertThrows(RegistryException.class, () -> PageRequest.parse(n, null))
                            .code());
        }
    }

    @Test
    void pageKnowsWhetherMoreFollows() {
        assertTrue(Page.of(List.of(1, 2, 3), 2).hasMore());
        assertEquals(List.of(1, 2), Page.of(List.of(1, 2, 3), 2).items());
        assertFalse(Page.of(List.of(1, 2), 2).hasMore());
    }

    @Test
    void contentRangeAcceptsTheSpecFormAndCommonVariants() {
        assertEquals(new ContentRange(0, 9), ContentRange.parse("0-9"));
        assertEquals(new ContentRange(10, 19), ContentRange.parse("bytes 10-19/*"));
        assertEquals(new ContentRange(10, 19), ContentRange.parse("bytes=10-19"));
        assertEquals(10, ContentRange.parse("10-19").length());
    }

    @Test
    void contentRangeRefusesGarbageAsRangeInvalid() {
        for (String header : List.of("", "x", "5-4", "-1-3", "1-", "a-b", "0-99999999999999999999")) {
            assertEquals(
                    ErrorCode.RANGE_INVALID,
                    assertThrows(RegistryException.class, () -> ContentRange.parse(header))
                            .code());
        }
    }

    @Test
    void detailRequestsReadOrderbyAsAcrSpellsIt() {
        assertEquals(
                DetailStore.Order.NAME, DetailRequest.parse(null, null, null).order());
        assertEquals(
                DetailStore.Order.NAME, DetailRequest.parse(null, null, "none").order());
        assertEquals(
                DetailStore.Order.TIME_DESC,
                DetailRequest.parse("2", "x", "timedesc").order());
        assertEquals("timeasc", DetailRequest.parse(null, null, "timeasc").orderby());
        assertNull(DetailRequest.parse(null, null, "").orderby());
        assertEquals(
                ErrorCode.INVALID_REQUEST,
                assertThrows(RegistryException.class, () -> DetailRequest.parse(null, null, "newest"))
                        .code());
    }
}
