package dev.berth.http.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.error.ErrorCode;
import dev.berth.http.error.ErrorResponses;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one table of statuses, checked code by code against the OCI spec and Distribution. */
class ErrorResponsesTest {
    private static final Map<ErrorCode, Integer> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(ErrorCode.BLOB_UNKNOWN, 404),
            Map.entry(ErrorCode.BLOB_UPLOAD_INVALID, 400),
            Map.entry(ErrorCode.BLOB_UPLOAD_UNKNOWN, 404),
            Map.entry(ErrorCode.DIGEST_INVALID, 400),
            Map.entry(ErrorCode.MANIFEST_BLOB_UNKNOWN, 400),
            Map.entry(ErrorCode.MANIFEST_INVALID, 400),
            Map.entry(ErrorCode.MANIFEST_UNKNOWN, 404),
            Map.entry(ErrorCode.NAME_INVALID, 400),
            Map.entry(ErrorCode.NAME_UNKNOWN, 404),
            Map.entry(ErrorCode.SIZE_INVALID, 400),
            Map.entry(ErrorCode.UNAUTHORIZED, 401),
            Map.entry(ErrorCode.DENIED, 403),
            Map.entry(ErrorCode.UNSUPPORTED, 405),
            Map.entry(ErrorCode.TOOMANYREQUESTS, 429),
            Map.entry(ErrorCode.TAG_INVALID, 400),
            Map.entry(ErrorCode.RANGE_INVALID, 416),
            Map.entry(ErrorCode.PAGINATION_NUMBER_INVALID, 400),
            Map.entry(ErrorCode.INVALID_REQUEST, 400),
            Map.entry(ErrorCode.TAG_CONFLICT, 409),
            Map.entry(ErrorCode.IMPORT_SOURCE_UNKNOWN, 404),
            Map.entry(ErrorCode.IMPORT_SOURCE_DENIED, 400),
            Map.entry(ErrorCode.IMPORT_SOURCE_UNAVAILABLE, 502),
            Map.entry(ErrorCode.EGRESS_REFUSED, 403),
            Map.entry(ErrorCode.PAYLOAD_TOO_LARGE, 413),
            Map.entry(ErrorCode.REQUEST_TIMEOUT, 408),
            Map.entry(ErrorCode.METHOD_UNKNOWN, 405),
            Map.entry(ErrorCode.RESOURCE_NOT_FOUND, 404),
            Map.entry(ErrorCode.CONFLICT, 409),
            Map.entry(ErrorCode.QUOTA_EXCEEDED, 409),
            Map.entry(ErrorCode.FEATURE_NOT_SUPPORTED, 409),
            Map.entry(ErrorCode.UNAVAILABLE, 503),
            Map.entry(ErrorCode.UNKNOWN, 500)));

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeHasTheStatusTheSpecGivesIt(ErrorCode code) {
        assertEquals(EXPECTED.get(code), ErrorResponses.status(code), code.name());
    }
}
