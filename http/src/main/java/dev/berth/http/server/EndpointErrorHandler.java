package dev.berth.http.server;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before any endpoint sees them (a path that is not valid percent-encoded UTF-8,
 * an ambiguous path) with 400 in the error format of the endpoint the path belongs to, as if that endpoint had
 * refused it: the OCI envelope under {@code /v2/}, the management envelope under {@code /api/}. Other statuses (414,
 * 431, 505), and requests too broken to have a path, get Jetty's own short page, without stack traces or causes.
 */
final class EndpointErrorHandler extends ErrorHandler {
    private static final System.Logger LOG = System.getLogger("berth.http");

    private final List<Endpoint> endpoints;

    EndpointErrorHandler(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
    }

    /** Every method gets an answer with a body: a PUT or DELETE client reads the envelope too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws java.io.IOException {
        Optional<Endpoint> endpoint = code == 400 || code == 413 ? endpointOf(request) : Optional.empty();
        if (endpoint.isEmpty()) {
            super.generateResponse(request, response, code, message, cause, callback);
            return;
        }
        String requestId = BerthHandler.newRequestId();
        response.getHeaders().put("X-Request-Id", requestId);
        LOG.log(Level.DEBUG, "request " + requestId + " refused by the web server: " + code + " " + message);
        RegistryException error = malformed(code, message);
        // the endpoint's writes block, so they run on a virtual thread of their own rather than Jetty's
        Thread.ofVirtual().start(() -> {
            try {
                endpoint.get().sendError(new Exchange(request, response, requestId), error);
                callback.succeeded();
            } catch (Throwable failure) {
                callback.failed(failure);
            }
        });
    }

    /**
     * The error a request the web server found malformed is answered with: its 4xx status as an error code (400, or
     * 413 for a body too large).
     */
    static RegistryException malformed(int status, String reason) {
        return new RegistryException(
                status == 413 ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.INVALID_REQUEST,
                "malformed request" + (reason == null ? "" : ": " + reason));
    }

    private Optional<Endpoint> endpointOf(Request request) {
        String path = request.getHttpURI().getPath();
        return path == null
                ? Optional.empty()
                : endpoints.stream().filter(e -> e.matches(path)).findFirst();
    }
}
