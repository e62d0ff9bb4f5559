package dev.berth.http.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a client sends, the answer is the envelope with a 4xx code, never a 500. */
class MalformedRequestTest {
    private static ManagedBerth berth;

    @BeforeAll
    static void start() throws Exception {
        berth = new ManagedBerth();
        berth.registry("badreqreg", "Premium");
        berth.user("badrequser");
    }

    @AfterAll
    static void stop() throws Exception {
        berth.close();
    }

    private static ManagedBerth.Response invalid(String method, String path, String body) {
        ManagedBerth.Response response = berth.admin(method, path, body).expectError(400, "InvalidRequest");
        assertFalse(response.json().path("error").path("message").asText().isEmpty());
        return response;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "{\"sku\":",
                "not json",
                "[]",
                "null",
                "\"text\"",
                "42",
                "{\"sku\":{\"name\":\"Basic\"}}}",
                "{'sku':{}}",
            })
    void aBodyThatIsNoJsonObjectIsAnInvalidRequest(String body) {
        invalid("PUT", "/api/registries/malformedreg", body);
        invalid("PATCH", "/api/registries/badreqreg", body);
        invalid("POST", "/api/checkNameAvailability", body);
        invalid("POST", "/api/roleAssignments", body);
        invalid("PUT", "/api/users/badrequser", body);
        invalid("PUT", "/api/registries/badreqreg/scopeMaps/some-map", body);
        invalid("PUT", "/api/registries/badreqreg/tokens/some-token", body);
        invalid("POST", "/api/registries/badreqreg/generateCredentials", body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%ff", "%c0%af", "%00", "a%ed%a0%80"})
    void aQueryParameterThatIsNoPercentEncodedUtf8IsAnInvalidRequest(String value) {
        invalid("GET", "/api/roleAssignments?principal=" + value, null);
        invalid("GET", "/api/roleAssignments?scope=" + value, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%ff", "%c0%af", "a%ed%a0%80"})
    void aPathThatIsNoPercentEncodedUtf8IsAnInvalidRequestInTheEnvelope(String segment) {
        invalid("GET", "/api/registries/" + segment, null);
        invalid("PUT", "/api/users/" + segment, "{}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"service=%ff", "scope=%c0%af", "service=a%00b"})
    void theTokenServiceAnswersABrokenQueryOrFormInItsOwnEnvelope(String fields) {
        for (ManagedBerth.Response response : new ManagedBerth.Response[] {
            berth.send("GET", "/oauth2/token?" + fields, null, null),
            berth.send("GET", "/oauth2/token?" + fields, ManagedBerth.ADMIN, null),
            berth.send(
                    "POST",
                    "/oauth2/token",
                    null,
                    ("grant_type=password&username=admin&password=admin-pw&" + fields).getBytes(StandardCharsets.UTF_8),
                    "Content-Type",
                    "application/x-www-form-urlencoded"),
            berth.send(
                    "POST",
                    "/oauth2/exchange",
                    null,
                    ("grant_type=password&username=admin&password=admin-pw&" + fields).getBytes(StandardCharsets.UTF_8),
                    "Content-Type",
                    "application/x-www-form-urlencoded")
        }) {
            response.expect(400);
            assertEquals(
                    "INVALID_REQUEST",
                    response.json().path("errors").path(0).path("code").asText(),
                    response.raw().body());
        }
    }

    @Test
    void aFormBodyThatIsNoUtf8IsAnInvalidRequest() {
        byte[] body = "grant_type=password&username=admin&password=\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        berth.send("POST", "/oauth2/token", null, body, "Content-Type", "application/x-www-form-urlencoded")
                .expect(400);
    }

    @Test
    void deeplyNestedJsonIsAnInvalidRequest() {
        invalid("PATCH", "/api/registries/badreqreg", "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        invalid("PATCH", "/api/registries/badreqreg", "[".repeat(100_000));
    }

    @Test
    void bytesThatAreNoUtf8AreAnInvalidRequest() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        berth.send("POST", "/api/checkNameAvailability", ManagedBerth.ADMIN, body)
                .expectError(400, "InvalidRequest");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"sku\":\"Basic\"}",
                "{\"sku\":{\"name\":5}}",
                "{\"sku\":{\"name\":\"Classic\"}}",
                "{\"sku\":{\"name\":\"\"}}",
                "{\"properties\":[]}",
                "{\"properties\":{\"adminUserEnabled\":\"true\"}}",
                "{\"properties\":{\"adminUserEnabled\":1}}",
                "{\"properties\":{\"anonymousPullEnabled\":null,\"publicNetworkAccess\":true}}",
                "{\"properties\":{\"publicNetworkAccess\":\"Maybe\"}}",
                "{\"properties\":{\"networkRuleSet\":\"open\"}}",
                "{\"properties\":{\"networkRuleSet\":{\"defaultAction\":\"Block\"}}}",
                "{\"properties\":{\"networkRuleSet\":{\"ipRules\":{\"value\":\"10.0.0.0/8\"}}}}",
                "{\"properties\":{\"networkRuleSet\":{\"ipRules\":[\"10.0.0.0/8\"]}}}",
                "{\"properties\":{\"networkRuleSet\":{\"ipRules\":[{\"action\":\"Deny\",\"value\":\"10.0.0.0/8\"}]}}}",
                "{\"properties\":{\"networkRuleSet\":{\"ipRules\":[{\"value\":\"300.1.1.1\"}]}}}",
                "{\"properties\":{\"networkRuleSet\":{\"ipRules\":[{\"value\":\"10.0.0.0/8/8\"}]}}}",
                "{\"properties\":{\"networkRuleSet\":{\"ipRules\":[{}]}}}",
                "{\"properties\":{\"networkRuleSet\":{\"ipRules\":[{\"value\":7}]}}}",
            })
    void aRegistryFieldOfTheWrongTypeOrValueIsAnInvalidRequest(String body) {
        invalid("PATCH", "/api/registries/badreqreg", body);
        invalid("PUT", "/api/registries/wrongtypereg", body);
        berth.admin("GET", "/api/registries/wrongtypereg", null).expectError(404, "ResourceNotFound");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PUT|/api/registries/badreqreg/scopeMaps/typed-map|{\"properties\":{\"actions\":\"repositories/app/content/read\"}}",
                "PUT|/api/registries/badreqreg/scopeMaps/typed-map|{\"properties\":{\"actions\":[1]}}",
                "PUT|/api/registries/badreqreg/scopeMaps/typed-map|{\"properties\":{\"description\":false}}",
                "PUT|/api/registries/badreqreg/tokens/typed-token|{\"properties\":{\"scopeMapId\":[\"_repositories_pull\"]}}",
                "PUT|/api/registries/badreqreg/tokens/typed-token|{\"properties\":{\"scopeMapId\":\"_repositories_pull\",\"status\":true}}",
                "POST|/api/registries/badreqreg/generateCredentials|{\"tokenId\":5,\"name\":\"password1\"}",
                "POST|/api/registries/badreqreg/regenerateCredential|{\"name\":[\"password\"]}",
                "POST|/api/registries/badreqreg/regenerateCredential|{}",
                "POST|/api/checkNameAvailability|{\"name\":7}",
                "POST|/api/roleAssignments|{\"properties\":{\"principalId\":\"user:badrequser\",\"roleDefinitionName\":\"Reader\",\"scope\":7}}",
                "POST|/api/roleAssignments|{\"properties\":\"Reader\"}",
                "PUT|/api/users/badrequser|{\"properties\":{\"password\":12345678}}",
                "PUT|/api/users/badrequser|{\"properties\":{\"installationAdmin\":\"yes\"}}",
                "PUT|/api/servicePrincipals/typed-bot|{\"properties\":{\"displayName\":{}}}",
            })
    void otherFieldsOfTheWrongTypeAreInvalidRequests(String method, String path, String body) {
        invalid(method, path, body);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/registries/abcd",
                "/api/registries/my-registry",
                "/api/registries/" + "x" + "0123456789012345678901234567890123456789012345678901",
                "/api/registries/badreqreg/scopeMaps/map",
                "/api/registries/badreqreg/scopeMaps/bad%20name",
                "/api/registries/badreqreg/tokens/tok",
                "/api/users/-leadinghyphen",
                "/api/servicePrincipals/bad%20bot",
            })
    void aBadNameIsAnInvalidRequest(String path) {
        invalid("PUT", path, "{\"properties\":{\"scopeMapId\":\"_repositories_pull\"}}");
    }

    @Test
    void aBodyOverOneMebibyteIsPayloadTooLarge() {
        String padding = "x".repeat(1024 * 1024);
        byte[] body = ("{\"properties\":{\"description\":\"" + padding + "\"}}").getBytes(StandardCharsets.UTF_8);
        berth.send("PUT", "/api/registries/badreqreg/scopeMaps/big-map", ManagedBerth.ADMIN, body)
                .expectError(413, "PayloadTooLarge");
        berth.send("PUT", "/api/registries/bigbodyreg", ManagedBerth.ADMIN, body)
                .expectError(413, "PayloadTooLarge");
        byte[] justUnder = ("{\"properties\":{\"description\":\"" + "x".repeat(1024 * 1024 - 100) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        berth.send("PUT", "/api/registries/badreqreg/scopeMaps/big-map", ManagedBerth.ADMIN, justUnder)
                .expect(201);
    }

    @Test
    void aKnownPathWithAnotherMethodIsMethodNotAllowed() {
        berth.admin("POST", "/api/registries/badreqreg", "{}").expectError(405, "MethodNotAllowed");
        berth.admin("DELETE", "/api/registries", null).expectError(405, "MethodNotAllowed");
        berth.admin("GET", "/api/registries/badreqreg/listUsages", null).expectError(405, "MethodNotAllowed");
    }

    @Test
    void anUnknownPathIsNotFound() {
        berth.admin("GET", "/api/nothing", null).expectError(404, "ResourceNotFound");
        berth.admin("GET", "/api", null).expectError(404, "ResourceNotFound");
        berth.admin("GET", "/api/registries/badreqreg/tokens/some-token/extra", null)
                .expectError(404, "ResourceNotFound");
        berth.admin("GET", "/api/registries//tokens", null).expectError(404, "ResourceNotFound");
    }

    @Test
    void aTrailingSlashIsTheSamePath() {
        berth.admin("GET", "/api/registries/", null).expect(200);
    }
}
