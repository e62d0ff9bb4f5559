package dev.berth.egress;

import dev.berth.core.egress.OutboundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;

/** A Jetty response as {@link OutboundResponse}: headers copied once, the body streamed. */
final class JettyResponse implements OutboundResponse {
    private final int status;
    private final URI uri;
    private final Map<String, List<String>> headers;
    private final InputStream body;

    JettyResponse(Response response, InputStream body) {
        this.status = response.getStatus();
        this.uri = response.getRequest().getURI();
        this.headers = copy(response);
        this.body = body;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing more to read from it either way
        }
    }

    private static Map<String, List<String>> copy(Response response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : response.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(headers);
    }
}
