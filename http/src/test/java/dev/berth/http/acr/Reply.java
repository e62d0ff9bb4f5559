package dev.berth.http.acr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.json.Json;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A response as the tests read it. */
record Reply(int status, HttpHeaders headers, byte[] body) {
    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
        return Json.parse(body);
    }

    Reply assertStatus(int expected) {
        assertEquals(expected, status, () -> "status of a reply with body " + text());
        return this;
    }

    /** Asserts the status and that the body is the registry error envelope with the code first. */
    Reply assertError(int expectedStatus, ErrorCode expectedCode) {
        assertStatus(expectedStatus);
        assertEquals("application/json", header("Content-Type"));
        JsonNode first = json().path("errors").path(0);
        assertEquals(expectedCode.name(), first.path("code").asText(), () -> "error code in " + text());
        assertFalse(first.path("message").asText().isEmpty(), () -> "no message in " + text());
        return this;
    }

    String message() {
        return json().path("errors").path(0).path("message").asText();
    }

    /** The text values of a field of each element of an array field, such as the names of the tags. */
    List<String> values(String array, String field) {
        List<String> values = new ArrayList<>();
        json().path(array)
                .forEach(item -> values.add(
                        field == null ? item.asText() : item.path(field).asText()));
        return values;
    }
}
