package dev.berth.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records the requests an in-process Berth answers during each test, from its debug access log ({@code
 * berth.access}, through java.util.logging), so a test can look at what a client did. Method, path and status
 * only: the log carries no query string. On failure the requests are printed to help the diagnosis.
 */
final class AccessLog implements BeforeEachCallback, AfterEachCallback {
    /** One answered request. */
    record Request(String method, String path, int status) {
        @Override
        public String toString() {
            return method + " " + path + " " + status;
        }
    }

    private static final Logger ACCESS = Logger.getLogger("berth.access");
    /** The part of a line this reads: {@code ... POST /v2/a/blobs/uploads/ 202 ...}. */
    private static final Pattern LINE = Pattern.compile("\\b(GET|HEAD|POST|PUT|PATCH|DELETE) (/\\S*) (\\d{3})\\b");

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            Matcher line = LINE.matcher(String.valueOf(record.getMessage()));
            if (line.find()) {
                requests.add(new Request(line.group(1), line.group(2), Integer.parseInt(line.group(3))));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    static AccessLog create() {
        return new AccessLog();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        requests.clear();
        handler.setLevel(Level.ALL);
        ACCESS.setLevel(Level.FINE);
        ACCESS.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ACCESS.removeHandler(handler);
        if (context.getExecutionException().isPresent()) {
            System.out.println("requests Berth answered during " + context.getDisplayName() + ":");
            requests.forEach(request -> System.out.println("  " + request));
        }
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }
}
