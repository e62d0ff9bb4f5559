package dev.berth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists every tag of a repository, {@code n} at a time, following the {@code Link} header to the last page. */
final class TagLister {
    /** The whole listing and how many requests it took. */
    record Listing(List<String> tags, int pages) {}

    private static final int MAX_PAGES = 100_000;

    private final RegistryHttp http;

    TagLister(RegistryHttp http) {
        this.http = http;
    }

    Listing listAll(String repository, int pageSize) {
        List<String> tags = new ArrayList<>();
        Optional<String> next = Optional.of("/v2/" + repository + "/tags/list?n=" + pageSize);
        int pages = 0;
        while (next.isPresent()) {
            if (++pages > MAX_PAGES) {
                throw new VerificationFailure("tag listing of " + repository + " did not end");
            }
            RegistryResponse<byte[]> response = http.send(RegistryRequest.get(http.resolve(next.get())), 200);
            TagPage page = TagPage.parse(response.body(), response.header("Link"));
            tags.addAll(page.tags());
            next = page.next();
        }
        return new Listing(tags, pages);
    }
}
