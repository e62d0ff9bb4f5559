package dev.berth.http.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.http.manage.ManagedBerth.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registries over HTTP: name checks, create, show, list, change, delete, usage and admin credentials. */
class RegistryRoutesTest {
    private static ManagedBerth berth;

    @BeforeAll
    static void start() throws Exception {
        berth = new ManagedBerth();
    }

    @AfterAll
    static void stop() throws Exception {
        berth.close();
    }

    /** One field of each entry of a list answer ({@code {"value":[...]}}) or of an array. */
    static List<String> names(JsonNode listOrArray, String field) {
        JsonNode array = listOrArray.isArray() ? listOrArray : listOrArray.path("value");
        List<String> names = new ArrayList<>();
        array.forEach(entry -> names.add(entry.path(field).asText()));
        return names;
    }

    @Test
    void aNewRegistryIsAnsweredInArmsShape() {
        Response created = berth.admin("PUT", "/api/registries/ShapeReg", "{\"sku\":{\"name\":\"Standard\"}}")
                .expect(201);
        assertEquals("application/json", created.header("Content-Type").orElseThrow());
        JsonNode registry = created.json();
        assertEquals("/registries/shapereg", registry.path("id").asText());
        assertEquals("shapereg", registry.path("name").asText());
        assertEquals(
                "Microsoft.ContainerRegistry/registries", registry.path("type").asText());
        assertEquals("Standard", registry.path("sku").path("name").asText());
        assertEquals("Standard", registry.path("sku").path("tier").asText());
        JsonNode properties = registry.path("properties");
        assertEquals(
                "shapereg.localhost:" + berth.port(),
                properties.path("loginServer").asText());
        Instant.parse(properties.path("creationDate").asText());
        assertEquals("Succeeded", properties.path("provisioningState").asText());
        assertFalse(properties.path("adminUserEnabled").asBoolean(true));
        assertFalse(properties.path("anonymousPullEnabled").asBoolean(true));
        assertEquals("Enabled", properties.path("publicNetworkAccess").asText());
        assertEquals(
                "Allow", properties.path("networkRuleSet").path("defaultAction").asText());
        assertTrue(properties.path("networkRuleSet").path("ipRules").isArray());
        assertEquals(
                registry,
                berth.admin("GET", "/api/registries/shapereg", null).expect(200).json());
        assertEquals(
                registry,
                berth.admin("GET", "/api/registries/SHAPEREG", null).expect(200).json());
    }

    @Test
    void aRegistryWithoutSkuIsBasic() {
        JsonNode registry =
                berth.admin("PUT", "/api/registries/plainreg", null).expect(201).json();
        assertEquals("Basic", registry.path("sku").path("name").asText());
    }

    @Test
    void putOnAnExistingRegistryUpdatesItAndAnswers200() {
        berth.registry("putagain", "Basic");
        JsonNode updated = berth.admin(
                        "PUT",
                        "/api/registries/putagain",
                        "{\"sku\":{\"name\":\"premium\"},\"properties\":{\"adminUserEnabled\":true,"
                                + "\"loginServer\":\"evil.example.com\",\"provisioningState\":\"Failed\"}}")
                .expect(200)
                .json();
        assertEquals("Premium", updated.path("sku").path("name").asText());
        assertTrue(updated.path("properties").path("adminUserEnabled").asBoolean());
        assertEquals(
                "putagain.localhost:" + berth.port(),
                updated.path("properties").path("loginServer").asText(),
                "read-only properties are ignored");
        assertEquals(
                "Succeeded",
                updated.path("properties").path("provisioningState").asText());
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        berth.registry("patchreg", "Premium");
        berth.admin(
                        "PATCH",
                        "/api/registries/patchreg",
                        "{\"properties\":{\"networkRuleSet\":{\"defaultAction\":\"Deny\",\"ipRules\":"
                                + "[{\"action\":\"Allow\",\"value\":\"10.0.0.0/8\"},{\"value\":\"192.0.2.7\"}]}}}")
                .expect(200);
        JsonNode patched = berth.admin(
                        "PATCH", "/api/registries/patchreg", "{\"properties\":{\"anonymousPullEnabled\":true}}")
                .expect(200)
                .json();
        JsonNode properties = patched.path("properties");
        assertTrue(properties.path("anonymousPullEnabled").asBoolean());
        assertEquals(
                "Deny", properties.path("networkRuleSet").path("defaultAction").asText());
        assertEquals(
                List.of("10.0.0.0/8", "192.0.2.7"),
                names(properties.path("networkRuleSet").path("ipRules"), "value"));
        assertEquals("Premium", patched.path("sku").path("name").asText());
        berth.admin("PATCH", "/api/registries/nosuchreg", "{}").expectError(404, "ResourceNotFound");
    }

    @Test
    void tierRulesAnswerTheirOwnCodes() {
        berth.admin("PUT", "/api/registries/tierbasic", "{\"properties\":{\"anonymousPullEnabled\":true}}")
                .expectError(409, "FeatureNotSupported");
        berth.admin("GET", "/api/registries/tierbasic", null).expectError(404, "ResourceNotFound");
        berth.registry("tierbasic", "Basic");
        berth.admin(
                        "PATCH",
                        "/api/registries/tierbasic",
                        "{\"properties\":{\"networkRuleSet\":{\"ipRules\":[{\"value\":\"10.0.0.0/8\"}]}}}")
                .expectError(409, "FeatureNotSupported");
        berth.registry("tierprem", "Premium");
        berth.admin(
                        "PATCH",
                        "/api/registries/tierprem",
                        "{\"properties\":{\"networkRuleSet\":{\"ipRules\":[{\"value\":\"10.0.0.1\"},"
                                + "{\"value\":\"10.0.0.2\"},{\"value\":\"10.0.0.3\"}]}}}")
                .expectError(409, "QuotaExceeded");
        berth.admin(
                        "PATCH",
                        "/api/registries/tierprem",
                        "{\"properties\":{\"networkRuleSet\":{\"ipRules\":[{\"value\":\"10.0.0.1\"}]}}}")
                .expect(200);
        berth.admin("PATCH", "/api/registries/tierprem", "{\"sku\":{\"name\":\"Basic\"}}")
                .expectError(409, "Conflict");
    }

    @Test
    void nameAvailabilityAnswersInArmsShape() {
        berth.registry("takenreg", "Basic");
        String type = ",\"type\":\"Microsoft.ContainerRegistry/registries\"}";
        JsonNode free = berth.admin("POST", "/api/checkNameAvailability", "{\"name\":\"freereg\"" + type)
                .expect(200)
                .json();
        assertTrue(free.path("nameAvailable").asBoolean());
        assertFalse(free.has("reason"));
        JsonNode taken = berth.admin("POST", "/api/checkNameAvailability", "{\"name\":\"TakenReg\"" + type)
                .expect(200)
                .json();
        assertFalse(taken.path("nameAvailable").asBoolean(true));
        assertEquals("AlreadyExists", taken.path("reason").asText());
        assertFalse(taken.path("message").asText().isEmpty());
        JsonNode invalid = berth.admin("POST", "/api/checkNameAvailability", "{\"name\":\"a_b\"}")
                .expect(200)
                .json();
        assertEquals("Invalid", invalid.path("reason").asText());
        berth.admin("POST", "/api/checkNameAvailability", "{}").expectError(400, "InvalidRequest");
    }

    @Test
    void theListHoldsEveryRegistryByName() {
        berth.registry("listzulu", "Basic");
        berth.registry("listalpha", "Basic");
        List<String> names =
                names(berth.admin("GET", "/api/registries", null).expect(200).json(), "name");
        assertTrue(names.contains("default"));
        assertTrue(names.indexOf("listalpha") < names.indexOf("listzulu"), names.toString());
    }

    @Test
    void aDeletedRegistryIsGoneAndTheDefaultOneStays() {
        berth.registry("doomedreg", "Basic");
        berth.admin("DELETE", "/api/registries/doomedreg", null).expect(204);
        berth.admin("GET", "/api/registries/doomedreg", null).expectError(404, "ResourceNotFound");
        berth.admin("DELETE", "/api/registries/doomedreg", null).expectError(404, "ResourceNotFound");
        berth.admin("DELETE", "/api/registries/default", null).expectError(409, "Conflict");
    }

    @Test
    void usagesListEveryLimitOfTheTier() {
        berth.registry("usagereg", "Basic");
        berth.admin(
                        "PUT",
                        "/api/registries/usagereg/tokens/usagetoken",
                        "{\"properties\":{\"scopeMapId\":\"_repositories_pull\"}}")
                .expect(201);
        JsonNode usages = berth.admin("POST", "/api/registries/usagereg/listUsages", null)
                .expect(200)
                .json();
        assertEquals(
                List.of("Size", "IncludedStorage", "Webhooks", "Geo-replications", "IPRules", "ScopeMaps", "Tokens"),
                names(usages, "name"));
        JsonNode tokens = usages.path("value").get(6);
        assertEquals(2, tokens.path("limit").asLong());
        assertEquals(1, tokens.path("currentValue").asLong());
        assertEquals("Count", tokens.path("unit").asText());
        assertEquals("Bytes", usages.path("value").get(0).path("unit").asText());
    }

    @Test
    void adminCredentialsAreNamedAndAValueIsShownOnlyWhenRegenerated() {
        berth.admin("PUT", "/api/registries/credreg", "{\"properties\":{\"adminUserEnabled\":true}}")
                .expect(201);
        JsonNode none = berth.admin("POST", "/api/registries/credreg/listCredentials", null)
                .expect(200)
                .json();
        assertEquals("credreg", none.path("username").asText());
        assertEquals(0, none.path("passwords").size());
        JsonNode first = berth.admin("POST", "/api/registries/credreg/regenerateCredential", "{\"name\":\"password\"}")
                .expect(200)
                .json();
        JsonNode password = first.path("passwords").get(0);
        assertEquals("password", password.path("name").asText());
        String value = password.path("value").asText();
        assertFalse(value.isEmpty());
        JsonNode both = berth.admin("POST", "/api/registries/credreg/regenerateCredential", "{\"name\":\"password2\"}")
                .expect(200)
                .json();
        assertEquals(List.of("password", "password2"), names(both.path("passwords"), "name"));
        assertFalse(both.path("passwords").get(0).has("value"), "only the regenerated one has a value");
        JsonNode listed = berth.admin("POST", "/api/registries/credreg/listCredentials", null)
                .expect(200)
                .json();
        listed.path("passwords").forEach(p -> assertFalse(p.has("value")));
        berth.admin("POST", "/api/registries/credreg/regenerateCredential", "{\"name\":\"password3\"}")
                .expectError(400, "InvalidRequest");

        String adminAccount = ManagedBerth.basic("credreg", value);
        assertEquals(201, berth.push("credreg", "app", adminAccount), "the admin account pushes");
        assertEquals(200, berth.pull("credreg", "app", adminAccount));
        berth.admin("PATCH", "/api/registries/credreg", "{\"properties\":{\"adminUserEnabled\":false}}")
                .expect(200);
        assertEquals(403, berth.pull("credreg", "app", adminAccount), "a disabled admin account may do nothing");
    }
}
