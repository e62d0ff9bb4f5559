package dev.berth.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.access.AuditLog;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Repeated failed sign-ins are slowed down, and every decision is audited without secrets. */
class SignInThrottlingTest {
    private SecuredRegistry registry;

    @BeforeEach
    void start() throws Exception {
        registry = new SecuredRegistry();
    }

    @AfterEach
    void stop() throws Exception {
        registry.close();
    }

    @Test
    void afterFiveFailuresTheNextAttemptsAreRefusedWithRetryAfterEvenWithTheRightPassword() {
        for (int i = 0; i < 6; i++) {
            assertEquals(
                    401,
                    registry.get("/v2/", SecuredRegistry.basic("puller", "guess" + i))
                            .statusCode());
        }
        HttpResponse<String> refused = registry.get("/v2/", SecuredRegistry.basic("puller"));
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("TOOMANYREQUESTS"));
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        HttpResponse<String> token =
                registry.get("/oauth2/token?scope=repository:app:pull", SecuredRegistry.basic("puller"));
        assertEquals(429, token.statusCode());
        assertEquals(
                200,
                registry.get("/v2/", SecuredRegistry.basic("reader")).statusCode(),
                "another user signs in from the same address");
        assertEquals(
                401,
                registry.get("/v2/", "Bearer not-a-token").statusCode(),
                "token checks are not sign-ins and are not held up");
    }

    @Test
    void everyDecisionIsAuditedAndNoSecretIsWrittenDown() {
        registry.get("/v2/", SecuredRegistry.basic("puller", "very-secret-guess"));
        registry.get("/v2/app/tags/list", SecuredRegistry.basic("pusher"));
        registry.get("/v2/app/tags/list", SecuredRegistry.basic("puller"));
        assertTrue(registry.audit.stream()
                .anyMatch(e -> e.who().equals("puller") && e.outcome() == AuditLog.Outcome.FAILED));
        assertTrue(registry.audit.stream()
                .anyMatch(e -> e.who().equals("pusher")
                        && e.outcome() == AuditLog.Outcome.DENIED
                        && e.what().equals("repository:app:pull")));
        assertTrue(registry.audit.stream()
                .anyMatch(e -> e.who().equals("puller") && e.outcome() == AuditLog.Outcome.ALLOWED));
        assertTrue(registry.audit.stream()
                .allMatch(e -> e.from().equals("127.0.0.1") && !e.requestId().isEmpty()));
        assertFalse(registry.audit.toString().contains("secret"), registry.audit.toString());
        assertFalse(registry.audit.toString().contains("-pw"), registry.audit.toString());
    }
}
