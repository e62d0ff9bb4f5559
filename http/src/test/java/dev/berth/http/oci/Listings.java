package dev.berth.http.oci;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading paged listings: the names in a page, and the next page's URL from the Link header. */
final class Listings {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private Listings() {}

    static List<String> names(Reply reply, String field) {
        JsonNode array = reply.json().get(field);
        assertTrue(array != null && array.isArray(), () -> field + " is not an array in " + reply.text());
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    /** The URL of the next page, or null when the Link header does not name one. */
    static String next(Reply reply) {
        String link = reply.header("Link");
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        assertTrue(m.matches(), () -> "malformed Link header: " + link);
        return m.group(1);
    }

    /** Every name of a listing, following its Link headers page by page. */
    static List<String> all(RegistryClient client, String firstPage, String field) {
        List<String> names = new ArrayList<>();
        String page = firstPage;
        for (int i = 0; page != null; i++) {
            assertTrue(i < 100, "too many pages");
            Reply reply = client.get(page).assertStatus(200);
            names.addAll(names(reply, field));
            page = next(reply);
        }
        return names;
    }
}
