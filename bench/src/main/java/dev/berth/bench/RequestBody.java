package dev.berth.bench;

import java.io.IOException;
import java.io.OutputStream;

/** What a request sends: a known number of bytes, written straight to the connection. */
interface RequestBody {
    /** The Content-Length. */
    long length();

    void writeTo(OutputStream out) throws IOException;

    static RequestBody empty() {
        return bytes(new byte[0]);
    }

    static RequestBody bytes(byte[] content) {
        return new RequestBody() {
            @Override
            public long length() {
                return content.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(content);
            }
        };
    }
}
