package dev.berth.tasks.sources;

import dev.berth.core.egress.OutboundHttp;
import dev.berth.core.egress.OutboundRequest;
import dev.berth.core.egress.OutboundResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import org.eclipse.jgit.transport.http.HttpConnection;

/**
 * One JGit HTTP request sent through the egress: JGit sets it up as it would an {@code HttpURLConnection} (method,
 * headers, a request body written into {@link #getOutputStream}), and the first question about the answer sends it.
 * JGit follows redirects itself, each with a new connection, so every hop meets the egress policy. TLS trust stays
 * the egress's: {@link #configure} and {@link #setHostnameVerifier} (JGit's {@code http.sslVerify=false}) are ignored.
 */
final class EgressHttpConnection implements HttpConnection {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);

    private final URL url;
    private final OutboundHttp http;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private String method = "GET";
    private Duration readTimeout = DEFAULT_TIMEOUT;
    private ByteArrayOutputStream body;
    private OutboundResponse response;

    EgressHttpConnection(URL url, OutboundHttp http) {
        this.url = url;
        this.http = http;
    }

    @Override
    public void connect() throws IOException {
        if (response != null) {
            return;
        }
        OutboundRequest request;
        try {
            request = OutboundRequest.get(url.toURI())
                    .withMethod(method, body == null ? null : body.toByteArray())
                    .withTimeouts(readTimeout, readTimeout);
        } catch (URISyntaxException e) {
            throw new IOException("not a URL: " + url, e);
        }
        for (Map.Entry<String, String> header : headers) {
            request = request.withHeader(header.getKey(), header.getValue());
        }
        response = http.send(request);
    }

    @Override
    public int getResponseCode() throws IOException {
        connect();
        return response.status();
    }

    @Override
    public URL getURL() {
        return url;
    }

    @Override
    public String getResponseMessage() throws IOException {
        return "HTTP " + getResponseCode();
    }

    @Override
    public Map<String, List<String>> getHeaderFields() {
        return answered().headers();
    }

    @Override
    public void setRequestProperty(String key, String value) {
        headers.removeIf(header -> header.getKey().equalsIgnoreCase(key));
        headers.add(Map.entry(key, value));
    }

    @Override
    public void setRequestMethod(String method) {
        this.method = method;
    }

    @Override
    public void setUseCaches(boolean usecaches) {}

    @Override
    public void setConnectTimeout(int timeout) {}

    @Override
    public void setReadTimeout(int timeout) {
        readTimeout = timeout > 0 ? Duration.ofMillis(timeout) : DEFAULT_TIMEOUT;
    }

    @Override
    public String getContentType() {
        return getHeaderField("Content-Type");
    }

    @Override
    public InputStream getInputStream() throws IOException {
        connect();
        return response.body();
    }

    @Override
    public String getHeaderField(String name) {
        return answered().header(name).orElse(null);
    }

    @Override
    public List<String> getHeaderFields(String name) {
        return answered().headers(name);
    }

    @Override
    public int getContentLength() {
        try {
            return getHeaderField("Content-Length") == null ? -1 : Integer.parseInt(getHeaderField("Content-Length"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void setInstanceFollowRedirects(boolean followRedirects) {}

    @Override
    public void setDoOutput(boolean dooutput) {}

    @Override
    public void setFixedLengthStreamingMode(int contentLength) {}

    @Override
    public OutputStream getOutputStream() {
        if (body == null) {
            body = new ByteArrayOutputStream();
        }
        return body;
    }

    @Override
    public void setChunkedStreamingMode(int chunklen) {}

    @Override
    public String getRequestMethod() {
        return method;
    }

    @Override
    public boolean usingProxy() {
        return false;
    }

    @Override
    public void configure(KeyManager[] km, TrustManager[] tm, SecureRandom random) {}

    @Override
    public void setHostnameVerifier(HostnameVerifier hostnameverifier) {}

    private OutboundResponse answered() {
        if (response == null) {
            throw new IllegalStateException("the request to " + url + " was not sent");
        }
        return response;
    }
}
