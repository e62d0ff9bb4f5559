package dev.berth.core.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.auth.Principal;
import dev.berth.core.error.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrincipalIdsTest {
    @Test
    void usersKeepTheirIdAsSubject() {
        assertEquals("user:alice", PrincipalIds.subject("user:alice"));
        assertEquals(Principal.user("alice", false).subject(), PrincipalIds.subject("user:alice"));
    }

    @Test
    void servicePrincipalsAreStoredUnderTheSubjectTheirSignInCarries() {
        assertEquals("service_principal:ci-bot", PrincipalIds.subject("servicePrincipal:ci-bot"));
        assertEquals(Principal.servicePrincipal("ci-bot").subject(), PrincipalIds.subject("servicePrincipal:ci-bot"));
    }

    @Test
    void subjectsTurnBackIntoTheirIds() {
        assertEquals(Optional.of("user:alice"), PrincipalIds.principalId("user:alice"));
        assertEquals(Optional.of("servicePrincipal:ci-bot"), PrincipalIds.principalId("service_principal:ci-bot"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"token:1/ci", "admin_account:1", "anonymous:"})
    void otherSubjectsHaveNoId(String subject) {
        assertEquals(Optional.empty(), PrincipalIds.principalId(subject));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "user:", "servicePrincipal:", "service_principal:ci-bot", "group:devs"})
    void anythingElseIsAnInvalidRequest(String id) {
        InstallationFixture.refused(ErrorCode.INVALID_REQUEST, () -> PrincipalIds.subject(id));
    }

    @Test
    void nullIsAnInvalidRequest() {
        InstallationFixture.refused(ErrorCode.INVALID_REQUEST, () -> PrincipalIds.subject(null));
    }
}
