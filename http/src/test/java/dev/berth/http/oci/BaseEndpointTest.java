package dev.berth.http.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.berth.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BaseEndpointTest {
    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private final RegistryClient client = server.client();

    @Test
    void getOfTheBaseAnswers200WithTheApiVersionHeader() {
        Reply reply = client.get("/v2/").assertStatus(200);
        assertEquals("registry/2.0", reply.header("Docker-Distribution-API-Version"));
        assertEquals("application/json", reply.header("Content-Type"));
        assertEquals("{}", reply.text());
    }

    @Test
    void headOfTheBaseAnswers200WithTheApiVersionHeaderAndNoBody() {
        Reply reply = client.head("/v2/").assertStatus(200);
        assertEquals("registry/2.0", reply.header("Docker-Distribution-API-Version"));
        assertEquals("2", reply.header("Content-Length"));
        assertEquals(0, reply.body().length);
    }

    @Test
    void theBaseAnswersWithoutItsTrailingSlashToo() {
        assertEquals("registry/2.0", client.get("/v2").assertStatus(200).header("Docker-Distribution-API-Version"));
    }

    @Test
    void errorsCarryTheApiVersionHeaderToo() {
        Reply reply = client.get("/v2/nothing/here/at/all").assertError(404, ErrorCode.NAME_UNKNOWN);
        assertEquals("registry/2.0", reply.header("Docker-Distribution-API-Version"));
    }

    @Test
    void otherMethodsOnTheBaseAnswer405MethodUnknownWithAllow() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            Reply reply = client.request(method, "/v2/").assertError(405, ErrorCode.METHOD_UNKNOWN);
            assertEquals("GET, HEAD", reply.header("Allow"));
        }
    }

    @Test
    void everyResponseCarriesARequestId() {
        Reply first = client.get("/v2/");
        Reply second = client.get("/v2/");
        assertNotEquals(first.header("X-Request-Id"), second.header("X-Request-Id"));
    }
}
