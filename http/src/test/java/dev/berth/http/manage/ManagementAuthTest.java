package dev.berth.http.manage;

import static dev.berth.http.manage.RegistryRoutesTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: credentials first (401 with a Basic challenge), then the level the caller's roles give on the
 * installation or the registry (403), and a registry the caller may not read is not there (404).
 */
class ManagementAuthTest {
    private static ManagedBerth berth;
    private static String installationReader;
    private static String installationContributor;
    private static String installationOwner;
    private static String registryReader;
    private static String registryContributor;
    private static String registryOwner;
    private static String registryPusher;

    @BeforeAll
    static void start() throws Exception {
        berth = new ManagedBerth();
        berth.registry("authreg", "Basic");
        berth.registry("hiddenreg", "Basic");
        installationReader = berth.user("ireader");
        berth.assign("user:ireader", "Reader", "/");
        installationContributor = berth.user("icontrib");
        berth.assign("user:icontrib", "Contributor", "/");
        installationOwner = berth.user("iowner");
        berth.assign("user:iowner", "Owner", "/");
        registryReader = berth.user("rreader");
        berth.assign("user:rreader", "Reader", "/registries/authreg");
        registryContributor = berth.user("rcontrib");
        berth.assign("user:rcontrib", "Contributor", "/registries/authreg");
        registryOwner = berth.user("rowner");
        berth.assign("user:rowner", "Owner", "/registries/authreg");
        registryPusher = berth.user("rpusher");
        berth.assign("user:rpusher", "AcrPush", "/registries/authreg");
    }

    @AfterAll
    static void stop() throws Exception {
        berth.close();
    }

    @Test
    void noOrWrongCredentialsAre401WithABasicChallenge() {
        for (String authorization : new String[] {
            null,
            ManagedBerth.basic("admin", "wrong"),
            ManagedBerth.basic("nosuchuser", "whatever"),
            "Bearer abc.def.ghi",
            "Basic !!!not-base64"
        }) {
            ManagedBerth.Response response =
                    berth.call("GET", "/api/registries", authorization, null).expectError(401, "Unauthorized");
            assertEquals(
                    "Basic realm=\"berth\"", response.header("WWW-Authenticate").orElseThrow(), authorization);
        }
        berth.call("PUT", "/api/registries/noauthreg", null, "{}").expectError(401, "Unauthorized");
    }

    @Test
    void tokensAndAdminAccountsCannotSignInToManagement() {
        String password = berth.admin(
                        "PUT",
                        "/api/registries/authreg/tokens/mgmt-token",
                        "{\"properties\":{\"scopeMapId\":\"_repositories_admin\"}}")
                .expect(201)
                .json()
                .path("properties")
                .path("credentials")
                .path("passwords")
                .get(0)
                .path("value")
                .asText();
        berth.call("GET", "/api/registries/authreg", ManagedBerth.basic("mgmt-token", password), null)
                .expectError(401, "Unauthorized");
    }

    @Test
    void aPutDoesNotTellWhetherARegistryTheCallerCannotSeeExists() {
        String nobody = berth.user("curious");
        berth.call("PUT", "/api/registries/hiddenreg", nobody, "{}").expectError(403, "AuthorizationFailed");
        berth.call("PUT", "/api/registries/absentreg", nobody, "{}").expectError(403, "AuthorizationFailed");
    }

    @Test
    void theOpenApiDocumentNeedsNoCredentials() {
        ManagedBerth.Response response =
                berth.call("GET", "/api/openapi.json", null, null).expect(200);
        assertEquals("application/json", response.header("Content-Type").orElseThrow());
    }

    @Test
    void aRegistryTheCallerCannotReadIsNotFound() {
        for (String caller : List.of(registryReader, registryContributor, registryOwner, registryPusher)) {
            berth.call("GET", "/api/registries/hiddenreg", caller, null).expectError(404, "ResourceNotFound");
            berth.call("PATCH", "/api/registries/hiddenreg", caller, "{}").expectError(404, "ResourceNotFound");
            berth.call("DELETE", "/api/registries/hiddenreg", caller, null).expectError(404, "ResourceNotFound");
            berth.call("GET", "/api/registries/hiddenreg/tokens", caller, null).expectError(404, "ResourceNotFound");
        }
        berth.call("GET", "/api/registries/authreg", registryPusher, null).expectError(404, "ResourceNotFound");
    }

    @Test
    void theListHoldsOnlyWhatTheCallerMayRead() {
        assertEquals(
                List.of("authreg"),
                names(
                        berth.call("GET", "/api/registries", registryReader, null)
                                .expect(200)
                                .json(),
                        "name"));
        assertEquals(
                List.of(),
                names(
                        berth.call("GET", "/api/registries", registryPusher, null)
                                .expect(200)
                                .json(),
                        "name"));
        assertTrue(names(
                        berth.call("GET", "/api/registries", installationReader, null)
                                .expect(200)
                                .json(),
                        "name")
                .containsAll(List.of("authreg", "default", "hiddenreg")));
    }

    @Test
    void readersReadButChangeNothing() {
        for (String reader : List.of(installationReader, registryReader)) {
            berth.call("GET", "/api/registries/authreg", reader, null).expect(200);
            berth.call("GET", "/api/registries/authreg/scopeMaps", reader, null).expect(200);
            berth.call("GET", "/api/registries/authreg/tokens", reader, null).expect(200);
            berth.call("POST", "/api/registries/authreg/listUsages", reader, null)
                    .expect(200);
            berth.call("PATCH", "/api/registries/authreg", reader, "{}").expectError(403, "AuthorizationFailed");
            berth.call("PUT", "/api/registries/authreg/scopeMaps/reader-map", reader, "{}")
                    .expectError(403, "AuthorizationFailed");
            berth.call("POST", "/api/registries/authreg/listCredentials", reader, null)
                    .expectError(403, "AuthorizationFailed");
        }
        berth.call("PUT", "/api/registries/readerreg", installationReader, "{}")
                .expectError(403, "AuthorizationFailed");
        berth.call("GET", "/api/users", installationReader, null).expect(200);
        berth.call("GET", "/api/users", registryReader, null).expectError(403, "AuthorizationFailed");
    }

    @Test
    void contributorsChangeWhatIsInsideButGiveNoRolesNorDelete() {
        for (String contributor : List.of(installationContributor, registryContributor)) {
            berth.call("PATCH", "/api/registries/authreg", contributor, "{\"properties\":{\"adminUserEnabled\":false}}")
                    .expect(200);
            int status = berth.call("PUT", "/api/registries/authreg/scopeMaps/contrib-map", contributor, "{}")
                    .status();
            assertTrue(status == 201 || status == 200, "created, or changed the second time: " + status);
            berth.call("POST", "/api/roleAssignments", contributor, roleOn("/registries/authreg"))
                    .expectError(403, "AuthorizationFailed");
            berth.call("DELETE", "/api/registries/authreg", contributor, null).expectError(403, "AuthorizationFailed");
        }
        berth.call("PUT", "/api/registries/icontribreg", installationContributor, "{}")
                .expect(201);
        berth.call("PUT", "/api/registries/rcontribreg", registryContributor, "{}")
                .expectError(403, "AuthorizationFailed");
    }

    private static String roleOn(String scope) {
        return "{\"properties\":{\"principalId\":\"user:rpusher\",\"roleDefinitionName\":\"AcrPull\",\"scope\":\""
                + scope + "\"}}";
    }

    @Test
    void registryOwnersGiveRolesThereAndNowhereElse() {
        berth.call("POST", "/api/roleAssignments", registryOwner, roleOn("/registries/authreg"))
                .expect(201);
        berth.call("POST", "/api/roleAssignments", registryOwner, roleOn("/registries/authreg/repositories/app"))
                .expect(201);
        berth.call("POST", "/api/roleAssignments", registryOwner, roleOn("/registries/hiddenreg"))
                .expectError(403, "AuthorizationFailed");
        berth.call("POST", "/api/roleAssignments", registryOwner, roleOn("/")).expectError(403, "AuthorizationFailed");
        List<String> scopes = berth.call("GET", "/api/roleAssignments", registryOwner, null)
                .expect(200)
                .json()
                .path("value")
                .findValuesAsText("scope");
        assertFalse(scopes.isEmpty());
        assertTrue(scopes.stream().allMatch(s -> s.startsWith("/registries/authreg")), scopes.toString());
        berth.call("GET", "/api/users", registryOwner, null).expectError(403, "AuthorizationFailed");
    }

    @Test
    void installationOwnersDoEverythingButManageUsers() {
        berth.call("PUT", "/api/registries/iownerreg", installationOwner, "{}").expect(201);
        berth.call("POST", "/api/roleAssignments", installationOwner, roleOn("/"))
                .expect(201);
        berth.call("DELETE", "/api/registries/iownerreg", installationOwner, null)
                .expect(204);
        berth.call("PUT", "/api/users/fromowner", installationOwner, "{}").expectError(403, "AuthorizationFailed");
        berth.call("PUT", "/api/servicePrincipals/fromowner", installationOwner, "{}")
                .expectError(403, "AuthorizationFailed");
        berth.call("GET", "/api/users", installationOwner, null).expect(200);
    }

    @Test
    void aRegistryOwnerDeletesItsRegistry() {
        berth.registry("ownedreg", "Basic");
        String owner = berth.user("ownedowner");
        berth.assign("user:ownedowner", "Owner", "/registries/ownedreg");
        berth.call("DELETE", "/api/registries/ownedreg", owner, null).expect(204);
        berth.call("GET", "/api/registries/ownedreg", owner, null).expectError(404, "ResourceNotFound");
    }
}
