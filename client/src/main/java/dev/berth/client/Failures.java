package dev.berth.client;

import dev.berth.client.RegistryClientException.Kind;
import dev.berth.core.egress.EgressRefusedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Turns what the egress client throws into a {@link RegistryClientException} that says, in a few words, what happened. */
final class Failures {
    private Failures() {}

    /** The exception for an I/O failure while talking to {@code uri}; client exceptions pass through unchanged. */
    public static RegistryClientException of(IOException e, URI uri) {
        if (e instanceof RegistryClientException known) {
            return known;
        }
        if (e instanceof EgressRefusedException refused) {
            return new RegistryClientException(Kind.EGRESS_REFUSED, refused.getMessage(), refused);
        }
        Kind kind = isTimeout(e) ? Kind.TIMEOUT : Kind.UNREACHABLE;
        String verb = kind == Kind.TIMEOUT ? " timed out" : " failed: ";
        return new RegistryClientException(
                kind, "request to " + origin(uri) + verb + (kind == Kind.TIMEOUT ? "" : reason(e)), e);
    }

    /** True when the failure was a timeout, rather than no connection at all. */
    public static boolean isTimeout(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Why a request failed, in a few words. */
    static String reason(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case UnresolvedAddressException u -> {
                    return "unknown host";
                }
                case UnknownHostException u -> {
                    return "unknown host";
                }
                case NoRouteToHostException n -> {
                    return "no route to host";
                }
                case ConnectException c -> {
                    return "connection refused";
                }
                case SSLException tls -> {
                    return "TLS handshake failed: " + tls.getMessage();
                }
                default -> {}
            }
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
