package dev.berth.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page of {@code GET /v2/<name>/tags/list}: the tags in the body and the {@code rel="next"} link, if any. Tag
 * names never need JSON escapes (the spec limits them to {@code [A-Za-z0-9_.-]}), so a pattern reads them.
 *
 * @param tags the tags, in the order the server sent them
 * @param next the next page's URL as the server wrote it, when there is one
 */
record TagPage(List<String> tags, Optional<String> next) {
    private static final Pattern TAGS = Pattern.compile("\"tags\"\\s*:\\s*(null|\\[([^\\]]*)\\])");
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    static TagPage parse(byte[] body, Optional<String> linkHeader) {
        String json = new String(body, StandardCharsets.UTF_8);
        Matcher array = TAGS.matcher(json);
        if (!array.find()) {
            throw new VerificationFailure(
                    "tag list without a tags field: " + json.substring(0, Math.min(200, json.length())));
        }
        List<String> tags = new ArrayList<>();
        if (array.group(2) != null) {
            Matcher tag = STRING.matcher(array.group(2));
            while (tag.find()) {
                tags.add(tag.group(1));
            }
        }
        return new TagPage(tags, linkHeader.map(TagPage::nextOf));
    }

    private static String nextOf(String linkHeader) {
        Matcher m = NEXT.matcher(linkHeader);
        if (!m.find()) {
            throw new VerificationFailure("Link header without rel=\"next\": " + linkHeader);
        }
        return m.group(1);
    }
}
