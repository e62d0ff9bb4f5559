package dev.berth.http.acr;

import dev.berth.core.registry.DetailRequest;
import dev.berth.core.registry.Page;
import dev.berth.http.server.Exchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The paging of the metadata API's listings: {@code n}, {@code last} and {@code orderby} in, and when more follows,
 * {@code Link: <path?last=X&n=N&orderby=O>; rel="next"} out, as ACR writes it.
 */
final class Listing {
    private Listing() {}

    static DetailRequest request(Exchange exchange) {
        return DetailRequest.parse(
                exchange.query("n").orElse(null),
                exchange.query("last").orElse(null),
                exchange.query("orderby").orElse(null));
    }

    /** The paging of a listing that has only one order, the catalog; {@code orderby} is ignored there. */
    static DetailRequest pageOnly(Exchange exchange) {
        return DetailRequest.parse(
                exchange.query("n").orElse(null), exchange.query("last").orElse(null), null);
    }

    /** Sets the {@code Link} header when the page has more after it; {@code last} names the page's last item. */
    static void linkNext(Exchange exchange, String path, DetailRequest request, Page<?> page, String last) {
        if (!page.hasMore()) {
            return;
        }
        StringBuilder link = new StringBuilder("<")
                .append(path)
                .append("?last=")
                .append(URLEncoder.encode(last, StandardCharsets.UTF_8))
                .append("&n=")
                .append(request.page().limit());
        if (request.orderby() != null) {
            link.append("&orderby=").append(request.orderby());
        }
        exchange.header("Link", link.append(">; rel=\"next\"").toString());
    }
}
