package dev.berth.cli.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Why a request got no answer, in a few words a user can act on. */
public final class NetworkErrors {
    private NetworkErrors() {}

    public static String reason(IOException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
            return "unknown host";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case HttpTimeoutException timeout -> {
                    return "timed out";
                }
                case SSLException tls -> {
                    return "TLS handshake failed: " + tls.getMessage();
                }
                case ConnectException refused -> {
                    return "connection refused";
                }
                default -> {}
            }
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
