package dev.berth.cli.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the encoded path and query of a request: {@code ApiPath.of("api", "registries").add(name).query("n",
 * "100")}. Each {@link #add} is one segment, so a {@code /} in it is encoded; {@link #addPath} keeps the slashes of
 * a repository name ({@code team/app}), which the {@code /acr/v1} and {@code /v2} routes take as several segments.
 */
public final class ApiPath {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder path = new StringBuilder();
    private final List<String> query = new ArrayList<>();

    private ApiPath() {}

    /** The path of these segments. */
    public static ApiPath of(String... segments) {
        ApiPath path = new ApiPath();
        for (String segment : segments) {
            path.add(segment);
        }
        return path;
    }

    /** An independent copy, to add to without changing this one. */
    public ApiPath copy() {
        ApiPath copy = new ApiPath();
        copy.path.append(path);
        copy.query.addAll(query);
        return copy;
    }

    /** Appends one segment, encoded. */
    public ApiPath add(String segment) {
        path.append('/').append(encodeSegment(segment));
        return this;
    }

    /** Appends a name whose slashes separate segments, each encoded. */
    public ApiPath addPath(String name) {
        for (String segment : name.split("/", -1)) {
            add(segment);
        }
        return this;
    }

    /** Adds a query parameter, unless the value is null. */
    public ApiPath query(String name, Object value) {
        if (value != null) {
            query.add(encode(name) + "=" + encode(value.toString()));
        }
        return this;
    }

    public ApiPath query(Map<String, ?> parameters) {
        parameters.forEach(this::query);
        return this;
    }

    @Override
    public String toString() {
        return query.isEmpty() ? path.toString() : path + "?" + String.join("&", query);
    }

    /** A path segment with what RFC 3986 allows there kept as it is ({@code sha256:...} stays readable). */
    private static String encodeSegment(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return encoded.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
