package dev.berth.http.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.json.Json;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A response as the tests read it: status, headers, the whole body. */
record Reply(int status, HttpHeaders headers, byte[] body) {

    /** The first value of a header, or null. */
    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
        return Json.parse(body);
    }

    /** Asserts the status and that the body is the OCI error envelope with the code first. */
    Reply assertError(int expectedStatus, ErrorCode expectedCode) {
        assertEquals(expectedStatus, status, () -> "status of a reply with body " + text());
        assertEquals("application/json", header("Content-Type"));
        assertEquals(Long.toString(body.length), header("Content-Length"));
        JsonNode errors = json().get("errors");
        assertTrue(errors != null && errors.isArray() && !errors.isEmpty(), () -> "no errors array in " + text());
        JsonNode first = errors.get(0);
        assertEquals(expectedCode.name(), first.path("code").asText(), () -> "error code in " + text());
        assertTrue(first.path("message").isTextual(), () -> "no message in " + text());
        assertFalse(first.path("message").asText().isEmpty(), () -> "empty message in " + text());
        return this;
    }

    /** Asserts a HEAD error: the status, and no body. */
    Reply assertHeadError(int expectedStatus) {
        assertEquals(expectedStatus, status);
        assertEquals(0, body.length);
        return this;
    }

    Reply assertStatus(int expected) {
        assertEquals(expected, status, () -> "status of a reply with body " + text());
        return this;
    }

    /** The first error's code, for tests that only look at that. */
    String errorCode() {
        return json().path("errors").path(0).path("code").asText();
    }
}
