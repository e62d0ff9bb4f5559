package dev.berth.cli.api;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** A successful answer whose body is read as it arrives; the caller closes it. */
public record ApiStream(HttpHeaders headers, InputStream body) implements Closeable {
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
