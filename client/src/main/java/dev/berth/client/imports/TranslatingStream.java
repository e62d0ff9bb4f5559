package dev.berth.client.imports;

import dev.berth.client.RegistryClientException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A blob stream whose failures read as the import's source failures, wherever they surface. */
final class TranslatingStream extends FilterInputStream {
    TranslatingStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (RegistryClientException e) {
            throw SourceFailures.of(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (RegistryClientException e) {
            throw SourceFailures.of(e);
        }
    }
}
