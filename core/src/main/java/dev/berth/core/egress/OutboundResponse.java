package dev.berth.core.egress;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to an {@link OutboundRequest}: status and headers in, the body still to read as a stream (whose reads
 * fail with {@link java.net.http.HttpTimeoutException} when it stalls past the idle timeout). Close it, or its body,
 * when done.
 */
public interface OutboundResponse extends AutoCloseable {
    int status();

    /** The address that answered: the request's, or the last redirect's. */
    URI uri();

    /** Every header, names as the server wrote them but looked up regardless of case, values in order received. */
    Map<String, List<String>> headers();

    default Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    default List<String> headers(String name) {
        return headers().getOrDefault(name, List.of());
    }

    InputStream body();

    /** Closes the body, abandoning what is left of it. */
    @Override
    void close();
}
