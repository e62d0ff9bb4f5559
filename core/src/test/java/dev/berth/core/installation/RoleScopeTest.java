package dev.berth.core.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.error.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoleScopeTest {
    @Test
    void slashNothingAndNullAreTheInstallation() {
        assertEquals(RoleScope.INSTALLATION, RoleScope.parse("/"));
        assertEquals(RoleScope.INSTALLATION, RoleScope.parse(""));
        assertEquals(RoleScope.INSTALLATION, RoleScope.parse(null));
        assertEquals("/", RoleScope.INSTALLATION.toString());
    }

    @Test
    void aRegistryScopeCoversEveryRepositoryAndNamesTheRegistryInLowerCase() {
        RoleScope scope = RoleScope.parse("/registries/MyReg1");
        assertEquals(new RoleScope(Optional.of("myreg1"), "*"), scope);
        assertEquals("/registries/myreg1", scope.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"app", "team/app", "team/*", "*"})
    void aRepositoryScopeNamesARepositoryOrAPrefix(String pattern) {
        RoleScope scope = RoleScope.parse("/registries/alpha/repositories/" + pattern);
        assertEquals(RoleScope.of("alpha", pattern), scope);
        assertEquals(RoleScope.parse(scope.toString()), scope, "toString parses back");
    }

    @Test
    void everyRepositoriesIsTheSameScopeAsTheRegistry() {
        assertEquals(
                "/registries/alpha",
                RoleScope.parse("/registries/alpha/repositories/*").toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "registries/alpha",
                "/registry/alpha",
                "/registries",
                "/registries/",
                "/registries/ab",
                "/registries/alpha/",
                "/registries/alpha/repos/app",
                "/registries/alpha/repositories/",
                "/registries/alpha/repositories/App",
                "/registries/alpha/repositories/team/*/x",
                "//"
            })
    void anythingElseIsAnInvalidRequest(String text) {
        InstallationFixture.refused(ErrorCode.INVALID_REQUEST, () -> RoleScope.parse(text));
    }
}
