package dev.berth.core.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.tier.Tier;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which registry a Host reaches, and the login servers registries answer on. */
public abstract class RegistriesContract extends InstallationFixture {
    private RegistryRecord alpha;

    @BeforeEach
    void createAlpha() throws IOException {
        alpha = registry("alpha", Tier.BASIC);
    }

    @Test
    void aLoginServerIsTheNameUnderTheDomainWithThePort() {
        assertEquals("alpha.localhost:5000", registries.loginServer("alpha"));
    }

    @Test
    void aLoginServerLeavesOutPort443AndAPortNotKnownYet() {
        Registries https = new Registries(store.registries(), "Registry.Example.COM", "default", () -> 443, clock);
        assertEquals("alpha.registry.example.com", https.loginServer("alpha"));
        Registries unbound = new Registries(store.registries(), "localhost", "default", () -> 0, clock);
        assertEquals("alpha.localhost", unbound.loginServer("alpha"));
    }

    @Test
    void theLoginServerReachesItsRegistryWithOrWithoutPortInAnyCase() throws IOException {
        assertEquals(Optional.of(alpha), registries.resolve("alpha.localhost:5000"));
        assertEquals(Optional.of(alpha), registries.resolve("alpha.localhost"));
        assertEquals(Optional.of(alpha), registries.resolve("ALPHA.LocalHost:5000"));
    }

    @Test
    void theLoginServerWrittenAsAnAbsoluteNameWithATrailingDotReachesItsRegistry() throws IOException {
        assertEquals(Optional.of(alpha), registries.resolve("alpha.localhost.:5000"));
        assertEquals(Optional.of(alpha), registries.resolve("alpha.localhost."));
        assertEquals(Optional.of(alpha), registries.resolve("ALPHA.LOCALHOST.:5000"));
        Registries absolute = new Registries(store.registries(), "LocalHost.", "default", () -> 5000, clock);
        assertEquals(Optional.of(alpha), absolute.resolve("alpha.localhost:5000"));
        assertEquals("alpha.localhost:5000", absolute.loginServer("alpha"));
    }

    @Test
    void anAddressOrAHostWithoutPortReachesTheDefaultRegistry() throws IOException {
        for (String host : new String[] {
            "[::1]:5000", "[::1]", "[0:0:0:0:0:0:0:1]:5000", "[::ffff:127.0.0.1]:5000", "127.0.0.1", "localhost.", ""
        }) {
            assertEquals(Optional.of(defaultRegistry), registries.resolve(host), host);
        }
    }

    @Test
    void aHostThatNamesNoRegistryReachesTheDefaultOne() throws IOException {
        for (String host :
                new String[] {"localhost:5000", "localhost", "127.0.0.1:5000", "[::1]:5000", "[::1]", "example.com"}) {
            assertEquals(Optional.of(defaultRegistry), registries.resolve(host), host);
        }
    }

    @Test
    void aNameUnderTheDomainThatIsNoRegistryReachesNothing() throws IOException {
        assertEquals(Optional.empty(), registries.resolve("zulu1.localhost:5000"), "no such registry");
        assertEquals(Optional.empty(), registries.resolve("ab.localhost:5000"), "not a registry name");
        assertEquals(Optional.empty(), registries.resolve("x.alpha.localhost:5000"), "a deeper name");
        assertEquals(Optional.empty(), registries.resolve("al-pha.localhost"), "not a registry name");
    }

    @Test
    void registriesAreFoundByNameInAnyCase() throws IOException {
        assertEquals(Optional.of(alpha), registries.find("alpha"));
        assertEquals(Optional.of(alpha), registries.find("ALPHA"));
        assertEquals(Optional.empty(), registries.find("bravo"));
    }

    @Test
    void aLookupIsRememberedUntilTheInstallationSaysARegistryChanged() throws IOException {
        assertEquals(Optional.empty(), registries.find("late1"));
        RegistryRecord late = store.registries().create("late1", Tier.BASIC).orElseThrow();
        assertEquals(Optional.empty(), registries.find("late1"), "remembered for a few seconds");
        registries.changed();
        assertEquals(Optional.of(late), registries.find("late1"));
        assertEquals(Optional.of(late), registries.resolve("late1.localhost:5000"));
    }

    @Test
    void aLookupIsForgottenAfterAFewSecondsForChangesMadeElsewhere() throws IOException {
        assertEquals(Optional.empty(), registries.resolve("late2.localhost:5000"));
        RegistryRecord late = store.registries().create("late2", Tier.BASIC).orElseThrow();
        clock.advance(Duration.ofSeconds(4));
        assertEquals(Optional.empty(), registries.resolve("late2.localhost:5000"));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Optional.of(late), registries.resolve("late2.localhost:5000"));
        store.registries().delete(late.id());
        clock.advance(Duration.ofSeconds(6));
        assertEquals(Optional.empty(), registries.resolve("late2.localhost:5000"));
    }

    @Test
    void theServicesForgetLookupsWhenTheyChangeARegistry() throws IOException {
        assertEquals(Optional.empty(), registries.find("fresh"));
        management.registryService().create("fresh", RegistryChange.NONE);
        assertTrue(registries.find("fresh").isPresent(), "created");
        management.registryService().update("fresh", RegistryChange.NONE.withTier(Tier.PREMIUM));
        assertEquals(Tier.PREMIUM, registries.find("fresh").orElseThrow().tier(), "retiered");
        management.registryService().delete("fresh");
        assertEquals(Optional.empty(), registries.find("fresh"), "deleted");
    }
}
