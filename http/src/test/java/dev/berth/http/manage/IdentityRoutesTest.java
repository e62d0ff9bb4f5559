package dev.berth.http.manage;

import static dev.berth.http.manage.RegistryRoutesTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Role assignments, users and service principals over HTTP, and what the roles given there do on /v2. */
class IdentityRoutesTest {
    private static ManagedBerth berth;

    @BeforeAll
    static void start() throws Exception {
        berth = new ManagedBerth();
        berth.registry("rolesreg", "Basic");
        berth.registry("elsereg", "Basic");
        assertEquals(201, berth.push("rolesreg", "app", ManagedBerth.ADMIN));
        assertEquals(201, berth.push("elsereg", "app", ManagedBerth.ADMIN));
    }

    @AfterAll
    static void stop() throws Exception {
        berth.close();
    }

    private static String assignment(String principal, String role, String scope) {
        return "{\"properties\":{\"principalId\":\"" + principal + "\",\"roleDefinitionName\":\"" + role
                + "\",\"scope\":\"" + scope + "\"}}";
    }

    @Test
    void aUserGivenAcrPullOnARegistryPullsThereButDoesNotPushNorReachAnother() {
        String puller = berth.user("puller");
        assertEquals(403, berth.pull("rolesreg", "app", puller), "no role yet");
        JsonNode given = berth.admin(
                        "POST", "/api/roleAssignments", assignment("user:puller", "AcrPull", "/registries/rolesreg"))
                .expect(201)
                .json();
        assertEquals(
                "Microsoft.Authorization/roleAssignments", given.path("type").asText());
        assertEquals(
                "/roleAssignments/" + given.path("name").asText(),
                given.path("id").asText());
        assertEquals("user:puller", given.path("properties").path("principalId").asText());
        assertEquals(
                "AcrPull", given.path("properties").path("roleDefinitionName").asText());
        assertEquals(
                "/registries/rolesreg", given.path("properties").path("scope").asText());

        assertEquals(200, berth.pull("rolesreg", "app", puller));
        assertEquals(403, berth.push("rolesreg", "app", puller));
        assertEquals(403, berth.pull("elsereg", "app", puller));
        berth.call("GET", "/api/registries/rolesreg", puller, null).expectError(404, "ResourceNotFound");

        berth.admin("DELETE", "/api/roleAssignments/" + given.path("name").asText(), null)
                .expect(204);
        assertEquals(403, berth.pull("rolesreg", "app", puller), "taken back at once");
        berth.admin("DELETE", "/api/roleAssignments/" + given.path("name").asText(), null)
                .expectError(404, "ResourceNotFound");
    }

    @Test
    void aRoleOnSomeRepositoriesReachesOnlyThem() {
        String teamPusher = berth.user("teampusher");
        berth.assign("user:teampusher", "AcrPush", "/registries/rolesreg/repositories/team/*");
        assertEquals(201, berth.push("rolesreg", "team/app", teamPusher));
        assertEquals(403, berth.push("rolesreg", "app", teamPusher));
    }

    @Test
    void aRoleOnTheInstallationReachesEveryRegistry() {
        String everywhere = berth.user("everywhere");
        berth.assign("user:everywhere", "AcrPush", "/");
        assertEquals(201, berth.push("rolesreg", "everywhere", everywhere));
        assertEquals(201, berth.push("elsereg", "everywhere", everywhere));
        assertEquals(201, berth.push("default", "everywhere", everywhere));
    }

    @Test
    void assignmentsAreListedAndFilteredByScopeAndPrincipal() {
        berth.user("listed");
        berth.assign("user:listed", "Reader", "/registries/rolesreg");
        berth.assign("user:listed", "AcrDelete", "/registries/elsereg");
        JsonNode byPrincipal = berth.admin("GET", "/api/roleAssignments?principal=user:listed", null)
                .expect(200)
                .json();
        assertEquals(2, byPrincipal.path("value").size());
        JsonNode byBoth = berth.admin(
                        "GET", "/api/roleAssignments?principal=user:listed&scope=/registries/ELSEREG", null)
                .expect(200)
                .json();
        assertEquals(List.of("AcrDelete"), roles(byBoth));
        berth.admin("GET", "/api/roleAssignments?scope=/nowhere", null).expectError(400, "InvalidRequest");
    }

    private static List<String> roles(JsonNode list) {
        return list.path("value").findValuesAsText("roleDefinitionName");
    }

    @Test
    void badAssignmentsAreRefused() {
        berth.user("badroles");
        berth.admin("POST", "/api/roleAssignments", assignment("user:badroles", "Superuser", "/"))
                .expectError(400, "InvalidRequest");
        berth.admin("POST", "/api/roleAssignments", assignment("badroles", "Reader", "/"))
                .expectError(400, "InvalidRequest");
        berth.admin(
                        "POST",
                        "/api/roleAssignments",
                        assignment("user:badroles", "Owner", "/registries/rolesreg/repositories/app"))
                .expectError(400, "InvalidRequest");
        berth.admin("POST", "/api/roleAssignments", assignment("user:badroles", "Reader", "/registries/a-b"))
                .expectError(400, "InvalidRequest");
        berth.admin("POST", "/api/roleAssignments", assignment("user:nosuchuser", "Reader", "/"))
                .expectError(404, "ResourceNotFound");
        berth.admin("POST", "/api/roleAssignments", assignment("user:badroles", "Reader", "/registries/nosuchreg"))
                .expectError(404, "ResourceNotFound");
        berth.admin("POST", "/api/roleAssignments", "{\"properties\":{\"roleDefinitionName\":\"Reader\"}}")
                .expectError(400, "InvalidRequest");
    }

    @Test
    void usersAreMadeWithAPasswordShownOnceAndChangedByPut() {
        JsonNode created =
                berth.admin("PUT", "/api/users/carol", "{}").expect(201).json();
        assertEquals("/users/carol", created.path("id").asText());
        assertEquals("carol", created.path("name").asText());
        assertFalse(created.path("properties").path("installationAdmin").asBoolean(true));
        assertTrue(created.path("properties").path("enabled").asBoolean());
        String password = created.path("properties").path("password").asText();
        assertFalse(password.isEmpty());
        String carol = ManagedBerth.basic("carol", password);
        berth.call("GET", "/api/registries", carol, null).expect(200);

        JsonNode shown =
                berth.admin("GET", "/api/users/carol", null).expect(200).json();
        assertFalse(shown.path("properties").has("password"));
        assertTrue(names(berth.admin("GET", "/api/users", null).expect(200).json(), "name")
                .containsAll(List.of("admin", "carol")));

        JsonNode disabled = berth.admin("PUT", "/api/users/carol", "{\"properties\":{\"enabled\":false}}")
                .expect(200)
                .json();
        assertFalse(disabled.path("properties").path("enabled").asBoolean(true));
        assertFalse(disabled.path("properties").has("password"));
        berth.call("GET", "/api/registries", carol, null).expectError(401, "Unauthorized");
        berth.admin("PUT", "/api/users/carol", "{\"properties\":{\"enabled\":true,\"password\":\"carol-new-pw\"}}")
                .expect(200);
        berth.call("GET", "/api/registries", carol, null).expectError(401, "Unauthorized");
        berth.call("GET", "/api/registries", ManagedBerth.basic("carol", "carol-new-pw"), null)
                .expect(200);

        berth.admin("DELETE", "/api/users/carol", null).expect(204);
        berth.admin("GET", "/api/users/carol", null).expectError(404, "ResourceNotFound");
        berth.admin("DELETE", "/api/users/carol", null).expectError(404, "ResourceNotFound");
        berth.call("GET", "/api/registries", ManagedBerth.basic("carol", "carol-new-pw"), null)
                .expectError(401, "Unauthorized");
    }

    @Test
    void theLastAdministratorStays() {
        berth.admin("DELETE", "/api/users/admin", null).expectError(409, "Conflict");
        berth.admin("PUT", "/api/users/admin", "{\"properties\":{\"installationAdmin\":false}}")
                .expectError(409, "Conflict");
        berth.admin("PUT", "/api/users/admin", "{\"properties\":{\"password\":\"short\"}}")
                .expectError(400, "InvalidRequest");
        berth.admin("PUT", "/api/users/-bad", "{}").expectError(400, "InvalidRequest");
    }

    @Test
    void aServicePrincipalSignsInWithItsSecretAndHoldsItsRoles() {
        JsonNode created = berth.admin(
                        "PUT", "/api/servicePrincipals/ci-bot", "{\"properties\":{\"displayName\":\"CI\"}}")
                .expect(201)
                .json();
        assertEquals("/servicePrincipals/ci-bot", created.path("id").asText());
        assertEquals("CI", created.path("properties").path("displayName").asText());
        String secret = created.path("properties").path("secret").asText();
        assertFalse(secret.isEmpty());
        String bot = ManagedBerth.basic("ci-bot", secret);
        berth.assign("servicePrincipal:ci-bot", "Contributor", "/registries/rolesreg");
        JsonNode registry = berth.call("GET", "/api/registries/rolesreg", bot, null)
                .expect(200)
                .json();
        assertEquals("rolesreg", registry.path("name").asText());
        assertEquals(201, berth.push("rolesreg", "bot", bot), "Contributor pushes on the data plane");

        JsonNode shown = berth.admin("GET", "/api/servicePrincipals/ci-bot", null)
                .expect(200)
                .json();
        assertFalse(shown.path("properties").has("secret"));
        assertEquals("secret1", shown.path("properties").path("secrets").get(0).asText());
        assertTrue(names(
                        berth.admin("GET", "/api/servicePrincipals", null)
                                .expect(200)
                                .json(),
                        "name")
                .contains("ci-bot"));

        JsonNode reset = berth.admin("POST", "/api/servicePrincipals/ci-bot/resetCredential", null)
                .expect(200)
                .json();
        String newSecret = reset.path("properties").path("secret").asText();
        berth.call("GET", "/api/registries/rolesreg", bot, null).expectError(401, "Unauthorized");
        berth.call("GET", "/api/registries/rolesreg", ManagedBerth.basic("ci-bot", newSecret), null)
                .expect(200);

        berth.admin("PUT", "/api/users/ci-bot", "{}").expectError(409, "Conflict");
        berth.admin("DELETE", "/api/servicePrincipals/ci-bot", null).expect(204);
        berth.admin("GET", "/api/servicePrincipals/ci-bot", null).expectError(404, "ResourceNotFound");
        berth.call("GET", "/api/registries/rolesreg", ManagedBerth.basic("ci-bot", newSecret), null)
                .expectError(401, "Unauthorized");
        assertTrue(
                berth.admin("GET", "/api/roleAssignments?principal=servicePrincipal:ci-bot", null)
                        .expect(200)
                        .json()
                        .path("value")
                        .isEmpty(),
                "its roles went with it");
    }
}
