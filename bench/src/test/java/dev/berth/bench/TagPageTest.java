package dev.berth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagPageTest {
    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTagsInTheOrderSentAndTheNextLink() {
        TagPage page = TagPage.parse(
                json("{\"name\":\"a/b\",\"tags\":[\"t2\",\"t1\"]}"),
                Optional.of("</v2/a/b/tags/list?n=2&last=t1>; rel=\"next\""));
        assertEquals(List.of("t2", "t1"), page.tags());
        assertEquals(Optional.of("/v2/a/b/tags/list?n=2&last=t1"), page.next());
    }

    @Test
    void aLastPageHasNoNextLink() {
        assertEquals(
                Optional.empty(),
                TagPage.parse(json("{\"tags\":[\"x\"]}"), Optional.empty()).next());
    }

    @Test
    void nullTagsMeanNone() {
        assertEquals(
                List.of(),
                TagPage.parse(json("{\"name\":\"a\",\"tags\":null}"), Optional.empty())
                        .tags());
    }

    @Test
    void aBodyWithoutTagsFailsVerification() {
        assertThrows(VerificationFailure.class, () -> TagPage.parse(json("{\"errors\":[]}"), Optional.empty()));
    }

    @Test
    void aLinkWithoutRelNextFailsVerification() {
        assertThrows(
                VerificationFailure.class,
                () -> TagPage.parse(json("{\"tags\":[]}"), Optional.of("</v2/x>; rel=\"prev\"")));
    }
}
