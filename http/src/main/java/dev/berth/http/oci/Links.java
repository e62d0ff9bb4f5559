package dev.berth.http.oci;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URLs the API hands back: Location headers and the {@code Link} header of paged listings. */
final class Links {
    private Links() {}

    static String blob(Object name, Object digest) {
        return "/v2/" + name + "/blobs/" + digest;
    }

    static String manifest(Object name, Object digest) {
        return "/v2/" + name + "/manifests/" + digest;
    }

    static String upload(Object name, String uploadId) {
        return "/v2/" + name + "/blobs/uploads/" + uploadId;
    }

    /** The {@code Range} header of an upload holding {@code size} bytes, as Docker clients expect it. */
    static String uploadRange(long size) {
        return "0-" + Math.max(0, size - 1);
    }

    static String next(String path, int n, String last) {
        return "<" + path + "?n=" + n + "&last=" + URLEncoder.encode(last, StandardCharsets.UTF_8) + ">; rel=\"next\"";
    }
}
