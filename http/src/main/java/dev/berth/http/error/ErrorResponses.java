package dev.berth.http.error;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.json.Json;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one place where an error code becomes an HTTP status, and the error envelope the OCI spec defines. */
public final class ErrorResponses {
    private ErrorResponses() {}

    /** The HTTP status of each code; exhaustive, so a new code cannot be forgotten here. */
    public static int status(ErrorCode code) {
        return switch (code) {
            case BLOB_UNKNOWN, BLOB_UPLOAD_UNKNOWN, MANIFEST_UNKNOWN, NAME_UNKNOWN, RESOURCE_NOT_FOUND -> 404;
            case CONFLICT, QUOTA_EXCEEDED, FEATURE_NOT_SUPPORTED -> 409;
            case BLOB_UPLOAD_INVALID,
                    DIGEST_INVALID,
                    MANIFEST_BLOB_UNKNOWN,
                    MANIFEST_INVALID,
                    NAME_INVALID,
                    SIZE_INVALID,
                    INVALID_REQUEST,
                    TAG_INVALID,
                    PAGINATION_NUMBER_INVALID -> 400;
            case TAG_CONFLICT -> 409;
            // the source's refusal is the request's problem (its credentials), not the caller's access to Berth
            case IMPORT_SOURCE_DENIED -> 400;
            case IMPORT_SOURCE_UNKNOWN -> 404;
            case IMPORT_SOURCE_UNAVAILABLE -> 502;
            // the installation forbids the destination: the request's problem, whatever Berth's health
            case EGRESS_REFUSED -> 403;
            case RANGE_INVALID -> 416;
            case UNAUTHORIZED -> 401;
            case DENIED -> 403;
            case UNSUPPORTED, METHOD_UNKNOWN -> 405;
            case PAYLOAD_TOO_LARGE -> 413;
            case REQUEST_TIMEOUT -> 408;
            case TOOMANYREQUESTS -> 429;
            case UNAVAILABLE -> 503;
            case UNKNOWN -> 500;
        };
    }

    /** The management API's name for each code, ARM's where ARM has one; exhaustive like {@link #status}. */
    public static String managementCode(ErrorCode code) {
        return switch (code) {
            case BLOB_UNKNOWN, BLOB_UPLOAD_UNKNOWN, MANIFEST_UNKNOWN, NAME_UNKNOWN, RESOURCE_NOT_FOUND ->
                "ResourceNotFound";
            case BLOB_UPLOAD_INVALID,
                    DIGEST_INVALID,
                    MANIFEST_BLOB_UNKNOWN,
                    MANIFEST_INVALID,
                    NAME_INVALID,
                    SIZE_INVALID,
                    INVALID_REQUEST,
                    TAG_INVALID,
                    PAGINATION_NUMBER_INVALID,
                    RANGE_INVALID -> "InvalidRequest";
            case UNAUTHORIZED -> "Unauthorized";
            case DENIED -> "AuthorizationFailed";
            case UNSUPPORTED, METHOD_UNKNOWN -> "MethodNotAllowed";
            case CONFLICT, TAG_CONFLICT -> "Conflict";
            case IMPORT_SOURCE_UNKNOWN -> "ImportSourceNotFound";
            case IMPORT_SOURCE_DENIED -> "ImportSourceDenied";
            case IMPORT_SOURCE_UNAVAILABLE -> "ImportSourceUnavailable";
            case EGRESS_REFUSED -> "EgressRefused";
            case QUOTA_EXCEEDED -> "QuotaExceeded";
            case FEATURE_NOT_SUPPORTED -> "FeatureNotSupported";
            case PAYLOAD_TOO_LARGE -> "PayloadTooLarge";
            case REQUEST_TIMEOUT -> "RequestTimeout";
            case TOOMANYREQUESTS -> "TooManyRequests";
            case UNAVAILABLE -> "ServiceUnavailable";
            case UNKNOWN -> "InternalServerError";
        };
    }

    /** Writes the management API's envelope: {@code {"error":{"code","message"}}}. */
    public static void sendManagement(Exchange exchange, RegistryException error) throws IOException {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", managementCode(error.code()));
        entry.put("message", error.getMessage());
        if (error.detail() instanceof Map<?, ?> detail && detail.get("retryAfterSeconds") instanceof Number seconds) {
            exchange.header("Retry-After", Long.toString(seconds.longValue()));
        }
        exchange.send(status(error.code()), "application/json", Json.write(Map.of("error", entry)));
    }

    /** Writes the error envelope (headers only for HEAD). */
    public static void send(Exchange exchange, RegistryException error) throws IOException {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", error.code().name());
        entry.put("message", error.getMessage());
        if (error.detail() != null) {
            entry.put("detail", error.detail());
        }
        if (error.detail() instanceof Map<?, ?> detail && detail.get("retryAfterSeconds") instanceof Number seconds) {
            exchange.header("Retry-After", Long.toString(seconds.longValue()));
        }
        byte[] body = Json.write(Map.of("errors", List.of(entry)));
        exchange.send(status(error.code()), "application/json", body);
    }
}
