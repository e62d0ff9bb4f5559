package dev.berth.core.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.auth.Cidr;
import dev.berth.core.auth.NetworkRules;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.tier.Tier;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Creating, changing and deleting registries, each held to what its tier allows. */
public abstract class RegistryServiceContract extends InstallationFixture {
    private RegistryService service() {
        return management.registryService();
    }

    private static RegistryChange anonymousPull(boolean enabled) {
        return new RegistryChange(
                Optional.empty(),
                Optional.empty(),
                Optional.of(enabled),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static RegistryChange ipRules(String... values) {
        return new RegistryChange(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(RegistryService.ipRules(List.of(values))));
    }

    private static RegistryChange adminUser(boolean enabled) {
        return new RegistryChange(
                Optional.empty(),
                Optional.of(enabled),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void aNewRegistryIsBasicInLowerCaseWithEverythingOff() throws IOException {
        RegistryView view = service().create("MyReg1", RegistryChange.NONE);
        assertEquals("myreg1", view.record().name());
        assertEquals(Tier.BASIC, view.record().tier());
        assertEquals("myreg1.localhost:5000", view.loginServer());
        assertFalse(view.adminUserEnabled());
        assertFalse(view.anonymousPullEnabled());
        assertEquals(NetworkRules.OPEN, view.networkRules());
    }

    @Test
    void aTakenNameIsAConflictInAnyCase() throws IOException {
        service().create("taken", RegistryChange.NONE);
        refused(ErrorCode.CONFLICT, () -> service().create("taken", RegistryChange.NONE));
        refused(ErrorCode.CONFLICT, () -> service().create("TAKEN", RegistryChange.NONE));
        refused(ErrorCode.CONFLICT, () -> service().create("Default", RegistryChange.NONE));
    }

    @Test
    void aBadNameIsAnInvalidRequest() {
        for (String name : List.of("abc", "my-registry", "x".repeat(51), "")) {
            refused(ErrorCode.INVALID_REQUEST, () -> service().create(name, RegistryChange.NONE));
        }
    }

    @Test
    void nameAvailabilitySaysWhyANameCannotBeTaken() throws IOException {
        service().create("taken", RegistryChange.NONE);
        assertEquals(new NameAvailability(true, null, null), service().checkName("freename"));
        NameAvailability taken = service().checkName("TAKEN");
        assertFalse(taken.available());
        assertEquals("AlreadyExists", taken.reason());
        NameAvailability invalid = service().checkName("a-b");
        assertFalse(invalid.available());
        assertEquals("Invalid", invalid.reason());
    }

    @Test
    void anonymousPullIsRefusedOnBasicAndAllowedAbove() throws IOException {
        refused(ErrorCode.FEATURE_NOT_SUPPORTED, () -> service().create("basic1", anonymousPull(true)));
        assertTrue(registries.find("basic1").isEmpty(), "nothing was created");
        service().create("basic2", RegistryChange.NONE);
        refused(ErrorCode.FEATURE_NOT_SUPPORTED, () -> service().update("basic2", anonymousPull(true)));
        assertFalse(service().show("basic2").anonymousPullEnabled());
        assertTrue(service()
                .create("standard1", anonymousPull(true).withTier(Tier.STANDARD))
                .anonymousPullEnabled());
        assertTrue(service()
                .update("basic2", anonymousPull(true).withTier(Tier.STANDARD))
                .anonymousPullEnabled());
    }

    @Test
    void ipRulesAreRefusedBelowPremium() throws IOException {
        refused(ErrorCode.FEATURE_NOT_SUPPORTED, () -> service().create("basic1", ipRules("10.0.0.0/8")));
        refused(ErrorCode.FEATURE_NOT_SUPPORTED, () -> service()
                .create("standard1", ipRules("10.0.0.0/8").withTier(Tier.STANDARD)));
        assertEquals(
                List.of(),
                service().create("basic3", ipRules()).networkRules().allowed(),
                "no rules are fine anywhere");
    }

    @Test
    void premiumTakesIpRulesUpToItsCount() throws IOException {
        RegistryView view =
                service().create("premium1", ipRules("10.0.0.0/8", "192.0.2.7").withTier(Tier.PREMIUM));
        assertEquals(
                List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("192.0.2.7")),
                view.networkRules().allowed());
        refused(ErrorCode.QUOTA_EXCEEDED, () -> service()
                .update("premium1", ipRules("10.0.0.0/8", "192.0.2.7", "198.51.100.0/24")));
        assertEquals(2, service().show("premium1").networkRules().allowed().size());
    }

    @Test
    void aBadIpRuleIsAnInvalidRequest() {
        refused(ErrorCode.INVALID_REQUEST, () -> RegistryService.ipRules(List.of("10.0.0.0/33")));
        refused(ErrorCode.INVALID_REQUEST, () -> RegistryService.ipRules(List.of("not an address")));
    }

    @Test
    void aTierThatCannotHoldTheTokensIsRefused() throws IOException {
        RegistryRecord registry = registry("premium1", Tier.PREMIUM);
        for (String name : List.of("token1", "token2", "token3")) {
            management.tokens().createToken(registry, name, "_repositories_pull", true, false);
        }
        refused(ErrorCode.CONFLICT, () -> service().update("premium1", RegistryChange.NONE.withTier(Tier.BASIC)));
        assertEquals(Tier.PREMIUM, service().show("premium1").record().tier());
        management.tokens().deleteToken(registry, "token3");
        assertEquals(
                Tier.BASIC,
                service()
                        .update("premium1", RegistryChange.NONE.withTier(Tier.BASIC))
                        .record()
                        .tier(),
                "exactly as many as the tier holds fit");
    }

    @Test
    void aTierThatCannotHoldTheScopeMapsIsRefused() throws IOException {
        RegistryRecord registry = registry("premium1", Tier.PREMIUM);
        for (String name : List.of("maps1", "maps2", "maps3", "maps4")) {
            management.tokens().putScopeMap(registry, name, Optional.empty(), Optional.empty());
        }
        refused(ErrorCode.CONFLICT, () -> service().update("premium1", RegistryChange.NONE.withTier(Tier.STANDARD)));
        management.tokens().deleteScopeMap(registry, "maps4");
        assertEquals(
                Tier.STANDARD,
                service()
                        .update("premium1", RegistryChange.NONE.withTier(Tier.STANDARD))
                        .record()
                        .tier());
    }

    @Test
    void aTierWithoutIpRulesIsRefusedWhileTheRegistryHasSomeUnlessTheyGoInTheSameChange() throws IOException {
        service().create("premium1", ipRules("10.0.0.0/8").withTier(Tier.PREMIUM));
        refused(ErrorCode.CONFLICT, () -> service().update("premium1", RegistryChange.NONE.withTier(Tier.STANDARD)));
        RegistryView moved = service().update("premium1", ipRules().withTier(Tier.STANDARD));
        assertEquals(Tier.STANDARD, moved.record().tier());
        assertEquals(List.of(), moved.networkRules().allowed());
    }

    @Test
    void basicIsRefusedWhileAnonymousPullIsOnUnlessItGoesOffInTheSameChange() throws IOException {
        service().create("standard1", anonymousPull(true).withTier(Tier.STANDARD));
        refused(ErrorCode.CONFLICT, () -> service().update("standard1", RegistryChange.NONE.withTier(Tier.BASIC)));
        RegistryView moved = service().update("standard1", anonymousPull(false).withTier(Tier.BASIC));
        assertEquals(Tier.BASIC, moved.record().tier());
        assertFalse(moved.anonymousPullEnabled());
    }

    @Test
    void aTierThatCannotHoldTheStorageIsRefused() throws IOException {
        RegistryRecord registry = registry("standard1", Tier.STANDARD);
        storedBytes.put(registry.id(), 1_001L);
        refused(ErrorCode.CONFLICT, () -> service().update("standard1", RegistryChange.NONE.withTier(Tier.BASIC)));
        storedBytes.put(registry.id(), 1_000L);
        assertEquals(
                Tier.BASIC,
                service()
                        .update("standard1", RegistryChange.NONE.withTier(Tier.BASIC))
                        .record()
                        .tier());
    }

    @Test
    void aRefusedChangeChangesNothing() throws IOException {
        RegistryRecord registry = registry("premium1", Tier.PREMIUM);
        for (String name : List.of("token1", "token2", "token3")) {
            management.tokens().createToken(registry, name, "_repositories_pull", true, false);
        }
        refused(ErrorCode.CONFLICT, () -> service()
                .update("premium1", adminUser(true).withTier(Tier.BASIC)));
        RegistryView unchanged = service().show("premium1");
        assertEquals(Tier.PREMIUM, unchanged.record().tier());
        assertFalse(unchanged.adminUserEnabled());
    }

    @Test
    void settingsChangeOneAtATime() throws IOException {
        service().create("premium1", ipRules("10.0.0.0/8").withTier(Tier.PREMIUM));
        RegistryView admin = service().update("premium1", adminUser(true));
        assertTrue(admin.adminUserEnabled());
        assertEquals(1, admin.networkRules().allowed().size(), "what is not mentioned stays");
        RegistryView closed = service()
                .update(
                        "premium1",
                        new RegistryChange(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(false),
                                Optional.of(NetworkRules.DefaultAction.DENY),
                                Optional.empty()));
        assertFalse(closed.networkRules().publicNetworkAccess());
        assertEquals(NetworkRules.DefaultAction.DENY, closed.networkRules().defaultAction());
        assertTrue(closed.adminUserEnabled());
        assertEquals(1, closed.networkRules().allowed().size());
    }

    @Test
    void registriesAreListedByName() throws IOException {
        service().create("zulu1", RegistryChange.NONE);
        service().create("alpha", RegistryChange.NONE);
        assertEquals(
                List.of("alpha", "default", "zulu1"),
                service().list().stream().map(v -> v.record().name()).toList());
    }

    @Test
    void theDefaultRegistryCannotBeDeleted() {
        refused(ErrorCode.CONFLICT, () -> service().delete("default"));
        refused(ErrorCode.CONFLICT, () -> service().delete("DEFAULT"));
    }

    @Test
    void aDeletedRegistryIsGoneWithItsTokens() throws IOException {
        RegistryRecord registry = registry("doomed", Tier.BASIC);
        management.tokens().createToken(registry, "token1", "_repositories_pull", true, true);
        service().delete("doomed");
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> service().show("doomed"));
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> service().delete("doomed"));
        assertTrue(store.directory().tokens(registry.id()).isEmpty());
        RegistryRecord again = registry("doomed", Tier.BASIC);
        assertTrue(management.tokens().tokens(again).isEmpty(), "a new registry of the name starts empty");
    }

    @Test
    void anUnknownRegistryIsNotFound() {
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> service().show("nosuch"));
        refused(ErrorCode.RESOURCE_NOT_FOUND, () -> service().update("nosuch", RegistryChange.NONE));
    }
}
