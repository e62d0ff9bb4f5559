package dev.berth.egress;

import dev.berth.core.egress.EgressRefusedException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/** Turns what Jetty fails with into the exceptions {@link dev.berth.core.egress.OutboundHttp} promises. */
final class Failures {
    private Failures() {}

    static IOException of(Throwable failure) {
        var refused = EgressRefusedException.in(failure);
        if (refused.isPresent()) {
            return new EgressRefusedException(refused.get().getMessage());
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || isConnectTimeout(t)) {
                return withCause(new HttpConnectTimeoutException("could not connect in time"), failure);
            }
            if (t instanceof TimeoutException) {
                return withCause(new HttpTimeoutException("no data in time"), failure);
            }
        }
        if (failure instanceof IOException io) {
            return io;
        }
        return new IOException(
                failure.getMessage() != null
                        ? failure.getMessage()
                        : failure.getClass().getSimpleName(),
                failure);
    }

    private static boolean isConnectTimeout(Throwable t) {
        return t.getMessage() != null
                && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect timeout");
    }

    private static IOException withCause(IOException e, Throwable cause) {
        e.initCause(cause);
        return e;
    }
}
