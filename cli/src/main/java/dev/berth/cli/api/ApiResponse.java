package dev.berth.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.berth.cli.json.Json;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** A successful answer: its status, headers and body. */
public record ApiResponse(int status, HttpHeaders headers, byte[] body) {
    /** The body as JSON; a missing node when the body is empty (a 204). */
    public JsonNode json() throws ApiException {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return Json.parse(body);
        } catch (IOException e) {
            throw ApiException.noAnswer("the server answered " + status + " with a body that is not JSON", e);
        }
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }
}
