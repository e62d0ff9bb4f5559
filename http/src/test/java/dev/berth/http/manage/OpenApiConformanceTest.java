package dev.berth.http.manage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real answers fit the document: each body has the fields its schema declares (required ones present, none
 * undeclared, each of its type). Drives one call of every route, errors included.
 */
class OpenApiConformanceTest {
    private static ManagedBerth berth;
    private static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        berth = new ManagedBerth();
        try (InputStream in = ManagementApi.class.getResourceAsStream("openapi.json")) {
            document = Json.parse(in.readAllBytes());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        berth.close();
    }

    /** Calls a route as the administrator and checks the answer against the operation's response schema. */
    private static JsonNode check(String method, String template, String path, String body, int status) {
        ManagedBerth.Response response = berth.admin(method, path, body).expect(status);
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        assertTrue(operation.isObject(), method + " " + template + " is documented");
        JsonNode declared = resolve(operation.path("responses").path(Integer.toString(status)));
        assertTrue(declared.isObject(), method + " " + template + " documents " + status);
        if (status == 204) {
            assertTrue(response.raw().body().isEmpty());
            return null;
        }
        JsonNode json = response.json();
        List<String> problems = new ArrayList<>();
        conform(json, declared.at("/content/application~1json/schema"), "$", problems);
        assertTrue(problems.isEmpty(), method + " " + path + " " + status + ": " + problems + " in " + json);
        return json;
    }

    private static void conform(JsonNode value, JsonNode schemaOrRef, String where, List<String> problems) {
        JsonNode schema = resolve(schemaOrRef);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean()) {
                problems.add(where + " is null");
            }
            return;
        }
        String type = schema.path("type").asText();
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(where + " is no object");
                    return;
                }
                schema.path("required").forEach(r -> {
                    if (!value.has(r.asText())) {
                        problems.add(where + "." + r.asText() + " is missing");
                    }
                });
                JsonNode properties = schema.path("properties");
                value.properties().forEach(field -> {
                    if (properties.has(field.getKey())) {
                        conform(
                                field.getValue(),
                                properties.path(field.getKey()),
                                where + "." + field.getKey(),
                                problems);
                    } else if (!properties.isEmpty() || schema.has("additionalProperties")) {
                        problems.add(where + "." + field.getKey() + " is not declared");
                    }
                });
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(where + " is no array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    conform(value.get(i), schema.path("items"), where + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(where + " is no string");
                } else if (schema.has("enum") && !contains(schema.path("enum"), value.asText())) {
                    problems.add(where + " = " + value.asText() + " is not in " + schema.path("enum"));
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(where + " is no boolean");
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(where + " is no integer");
                }
            }
            default -> problems.add(where + ": the schema has no type");
        }
    }

    private static boolean contains(JsonNode values, String value) {
        for (JsonNode v : values) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.path("$ref").asText().substring(1)) : node;
    }

    @Test
    void registryAnswersFitTheDocument() {
        String r = "/api/registries/{registry}";
        check("POST", "/api/checkNameAvailability", "/api/checkNameAvailability", "{\"name\":\"docreg\"}", 200);
        check("PUT", r, "/api/registries/docreg", "{\"sku\":{\"name\":\"Premium\"}}", 201);
        check("POST", "/api/checkNameAvailability", "/api/checkNameAvailability", "{\"name\":\"docreg\"}", 200);
        check(
                "PUT",
                r,
                "/api/registries/docreg",
                "{\"properties\":{\"adminUserEnabled\":true,\"networkRuleSet\":{\"ipRules\":[{\"value\":\"10.0.0.0/8\"}]}}}",
                200);
        check("PATCH", r, "/api/registries/docreg", "{\"properties\":{\"anonymousPullEnabled\":true}}", 200);
        check("GET", r, "/api/registries/docreg", null, 200);
        check("GET", "/api/registries", "/api/registries", null, 200);
        check("POST", r + "/listUsages", "/api/registries/docreg/listUsages", null, 200);
        check(
                "POST",
                r + "/regenerateCredential",
                "/api/registries/docreg/regenerateCredential",
                "{\"name\":\"password\"}",
                200);
        check("POST", r + "/listCredentials", "/api/registries/docreg/listCredentials", null, 200);
        check("GET", r, "/api/registries/nosuchreg", null, 404);
        check("PUT", r, "/api/registries/docreg", "{\"sku\":\"Basic\"}", 400);
        check("PUT", r, "/api/registries/docreg", "{\"sku\":{\"name\":\"Basic\"}}", 409);
        check("DELETE", r, "/api/registries/docreg", null, 204);
    }

    @Test
    void tokenAnswersFitTheDocument() {
        berth.registry("doctokens", "Premium");
        String r = "/api/registries/{registry}";
        String map = "/api/registries/doctokens/scopeMaps/doc-map";
        check(
                "PUT",
                r + "/scopeMaps/{name}",
                map,
                "{\"properties\":{\"actions\":[\"repositories/a/content/read\"]}}",
                201);
        check("PUT", r + "/scopeMaps/{name}", map, "{\"properties\":{\"description\":\"x\"}}", 200);
        check("PATCH", r + "/scopeMaps/{name}", map, "{\"properties\":{\"description\":\"y\"}}", 200);
        check("GET", r + "/scopeMaps/{name}", map, null, 200);
        check("GET", r + "/scopeMaps", "/api/registries/doctokens/scopeMaps", null, 200);
        String token = "/api/registries/doctokens/tokens/doc-token";
        check("PUT", r + "/tokens/{name}", token, "{\"properties\":{\"scopeMapId\":\"doc-map\"}}", 201);
        check("PUT", r + "/tokens/{name}", token, "{\"properties\":{\"status\":\"disabled\"}}", 200);
        check("PATCH", r + "/tokens/{name}", token, "{\"properties\":{\"status\":\"enabled\"}}", 200);
        check(
                "POST",
                r + "/generateCredentials",
                "/api/registries/doctokens/generateCredentials",
                "{\"tokenId\":\"doc-token\",\"name\":\"password1\",\"expiry\":\"2099-01-01T00:00:00Z\"}",
                200);
        check("GET", r + "/tokens/{name}", token, null, 200);
        check("GET", r + "/tokens", "/api/registries/doctokens/tokens", null, 200);
        check("POST", r + "/tokens/{name}/deletePassword", token + "/deletePassword", "{\"name\":\"password2\"}", 200);
        check("DELETE", r + "/scopeMaps/{name}", map, null, 409);
        check("DELETE", r + "/tokens/{name}", token, null, 204);
        check("DELETE", r + "/scopeMaps/{name}", map, null, 204);
    }

    @Test
    void identityAnswersFitTheDocument() {
        berth.registry("docroles", "Basic");
        check("PUT", "/api/users/{name}", "/api/users/docuser", "{}", 201);
        check("PUT", "/api/users/{name}", "/api/users/docuser", "{\"properties\":{\"enabled\":true}}", 200);
        check("GET", "/api/users/{name}", "/api/users/docuser", null, 200);
        check("GET", "/api/users", "/api/users", null, 200);
        check("PUT", "/api/servicePrincipals/{name}", "/api/servicePrincipals/doc-bot", "{}", 201);
        check(
                "PUT",
                "/api/servicePrincipals/{name}",
                "/api/servicePrincipals/doc-bot",
                "{\"properties\":{\"displayName\":\"D\"}}",
                200);
        check(
                "POST",
                "/api/servicePrincipals/{name}/resetCredential",
                "/api/servicePrincipals/doc-bot/resetCredential",
                null,
                200);
        check("GET", "/api/servicePrincipals/{name}", "/api/servicePrincipals/doc-bot", null, 200);
        check("GET", "/api/servicePrincipals", "/api/servicePrincipals", null, 200);
        JsonNode assignment = check(
                "POST",
                "/api/roleAssignments",
                "/api/roleAssignments",
                "{\"properties\":{\"principalId\":\"user:docuser\",\"roleDefinitionName\":\"AcrPull\",\"scope\":\"/registries/docroles\"}}",
                201);
        check("GET", "/api/roleAssignments", "/api/roleAssignments?scope=/registries/docroles", null, 200);
        check(
                "DELETE",
                "/api/roleAssignments/{id}",
                "/api/roleAssignments/" + assignment.path("name").asText(),
                null,
                204);
        check("DELETE", "/api/servicePrincipals/{name}", "/api/servicePrincipals/doc-bot", null, 204);
        check("DELETE", "/api/users/{name}", "/api/users/docuser", null, 204);
        check("DELETE", "/api/users/{name}", "/api/users/admin", null, 409);
    }

    @Test
    void importAnswersFitTheDocument() {
        berth.registry("docimpsrc", "Basic");
        berth.registry("docimpdst", "Basic");
        assertTrue(berth.push("docimpsrc", "app", ManagedBerth.ADMIN) == 201);
        String path = "/api/registries/docimpdst/importImage";
        String template = "/api/registries/{registry}/importImage";
        check(
                "POST",
                template,
                path,
                "{\"source\":{\"resourceId\":\"/registries/docimpsrc\",\"sourceImage\":\"app:v1\"},"
                        + "\"targetTags\":[\"copied:v1\"],\"mode\":\"NoForce\"}",
                200);
        assertTrue(berth.pull("docimpdst", "copied", ManagedBerth.ADMIN) == 200, "imported as copied:v1");
        check(
                "POST",
                template,
                path,
                "{\"source\":{\"resourceId\":\"/registries/nosuchreg\",\"sourceImage\":\"app:v1\"}}",
                404);
        check("POST", template, path, "{\"source\":{\"resourceId\":\"/registries/docimpsrc\"}}", 400);
    }

    @Test
    void theServedDocumentIsTheOneInTheJar() throws IOException {
        ManagedBerth.Response served =
                berth.call("GET", "/api/openapi.json", null, null).expect(200);
        try (InputStream in = ManagementApi.class.getResourceAsStream("openapi.json")) {
            assertTrue(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .equals(served.raw().body()));
        }
    }
}
