package dev.berth.http.manage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.auth.Principal;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.installation.Management;
import dev.berth.core.installation.ManagementAccess;
import dev.berth.core.installation.ManagementAccess.Level;
import dev.berth.core.json.Json;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** One management request: its caller, its path parameters, its JSON body, and the checks routes need. */
final class ApiRequest {
    static final int MAX_BODY = 1024 * 1024;

    private final Exchange exchange;
    private final Principal caller;
    private final Map<String, String> params;
    private final Management management;
    private JsonNode body;

    ApiRequest(Exchange exchange, Principal caller, Map<String, String> params, Management management) {
        this.exchange = exchange;
        this.caller = caller;
        this.params = params;
        this.management = management;
    }

    Principal caller() {
        return caller;
    }

    Management management() {
        return management;
    }

    Exchange exchange() {
        return exchange;
    }

    String param(String name) {
        return params.get(name);
    }

    Optional<String> query(String name) {
        return exchange.query(name);
    }

    /** The JSON body as an object; an empty body is an empty object. */
    Body body() throws IOException {
        return new Body(json(), "");
    }

    /** The JSON body as it came; an empty body is an empty object. */
    JsonNode json() throws IOException {
        if (body == null) {
            byte[] bytes;
            try {
                bytes = exchange.bodyBytes(MAX_BODY);
            } catch (Exchange.BodyTooLargeException e) {
                throw new RegistryException(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than 1 MiB");
            }
            body = bytes.length == 0 ? Json.object() : parse(bytes);
        }
        return body;
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = Json.parse(bytes);
            if (!node.isObject()) {
                throw new RegistryException(ErrorCode.INVALID_REQUEST, "the body must be a JSON object");
            }
            return node;
        } catch (Json.InvalidJsonException e) {
            throw new RegistryException(ErrorCode.INVALID_REQUEST, "the body is not valid JSON");
        }
    }

    /** Requires a level on the whole installation. */
    void requireInstallation(Level needed, String action) throws IOException {
        ManagementAccess.require(management.access().onInstallation(caller), needed, action);
    }

    /**
     * The registry the path names, when the caller may act on it at that level. A registry the caller may not even
     * read is reported as not found, so that names do not leak.
     */
    RegistryRecord registry(Level needed, String action) throws IOException {
        String name = param("registry");
        RegistryRecord registry = management.registries().find(name).orElse(null);
        Level has = registry == null ? Level.NONE : management.access().onRegistry(caller, registry);
        if (registry == null || !has.atLeast(Level.READ)) {
            throw new RegistryException(ErrorCode.RESOURCE_NOT_FOUND, "registry '" + name + "' not found");
        }
        ManagementAccess.require(has, needed, action);
        return registry;
    }
}
