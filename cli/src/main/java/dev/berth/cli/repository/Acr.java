package dev.berth.cli.repository;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.api.ApiException;
import dev.berth.cli.api.ApiPath;
import dev.berth.cli.api.ApiResponse;
import dev.berth.cli.api.ManagementClient;
import dev.berth.cli.command.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Paths of ACR's metadata API under {@code /api/registries/{r}/acr/v1}, and its paged listings. */
final class Acr {
    private static final int PAGE = 100;

    private Acr() {}

    static ApiPath root(String registry) {
        return ApiPath.of("api", "registries", registry, "acr", "v1");
    }

    static ApiPath repository(String registry, String repository) {
        return root(registry).addPath(repository);
    }

    static ApiPath tag(String registry, String repository, String tag) {
        return repository(registry, repository).add("_tags").add(tag);
    }

    static ApiPath manifest(String registry, String repository, String digest) {
        return repository(registry, repository).add("_manifests").add(digest);
    }

    /** The digest an image names: its own, or the one its tag points at. */
    static String digestOf(ManagementClient api, String registry, ImageReference image) throws ApiException {
        if (image.digest().isPresent()) {
            return image.digest().get();
        }
        String tag = image.tag().orElse("latest");
        return api.get(tag(registry, image.repository(), tag).toString())
                .path("tag")
                .path("digest")
                .asText();
    }

    /**
     * Every item of a paged listing ({@code field} of each page), following pages while the server sends a {@code
     * Link} header, up to {@code top} items if given. The next page starts after the last item's {@code key}.
     */
    static List<JsonNode> all(
            ManagementClient api,
            ApiPath path,
            Map<String, String> query,
            String field,
            Function<JsonNode, String> key,
            Integer top)
            throws ApiException {
        List<JsonNode> items = new ArrayList<>();
        String last = null;
        while (top == null || items.size() < top) {
            int n = top == null ? PAGE : Math.min(PAGE, top - items.size());
            ApiPath page = path.copy().query(query).query("n", n).query("last", last);
            ApiResponse response = api.send("GET", page.toString(), null, Map.of());
            JsonNode batch = response.json().path(field);
            batch.forEach(items::add);
            if (batch.isEmpty() || response.header("Link").isEmpty()) {
                break;
            }
            last = key.apply(batch.get(batch.size() - 1));
        }
        return top == null || items.size() <= top ? items : items.subList(0, top);
    }
}
