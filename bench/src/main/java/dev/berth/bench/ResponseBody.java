package dev.berth.bench;

import java.io.IOException;
import java.io.InputStream;

/** How a response body is consumed; the stream is drained and closed afterwards either way. */
@FunctionalInterface
interface ResponseBody<T> {
    T read(InputStream in) throws IOException;

    static ResponseBody<byte[]> bytes() {
        return InputStream::readAllBytes;
    }
}
