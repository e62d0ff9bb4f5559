package dev.berth.core.spi;

import static dev.berth.core.events.RequestContext.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.auth.AdminAccount;
import dev.berth.core.auth.Cidr;
import dev.berth.core.auth.NetworkRules;
import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.Role;
import dev.berth.core.auth.RoleAssignment;
import dev.berth.core.auth.ScopeMap;
import dev.berth.core.auth.ServicePrincipal;
import dev.berth.core.events.EventAction;
import dev.berth.core.events.EventRequest;
import dev.berth.core.events.EventTarget;
import dev.berth.core.events.HelmChart;
import dev.berth.core.events.RegistryEvent;
import dev.berth.core.events.RequestContext;
import dev.berth.core.lock.AttributeUpdate;
import dev.berth.core.lock.ChangeableAttributes;
import dev.berth.core.lock.Lockable;
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;
import dev.berth.core.quarantine.Quarantine;
import dev.berth.core.spi.ManifestStore.ManifestRecord;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.spi.UploadStore.UploadSession;
import dev.berth.core.tier.Tier;
import dev.berth.core.webhooks.Delivery;
import dev.berth.core.webhooks.Webhook;
import dev.berth.core.webhooks.WebhookScope;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link MetadataStore} must do. An implementation's test extends this and says how to open a store; a
 * case it cannot pass is overridden with {@code @Disabled("reason")}.
 */
public abstract class MetadataStoreContract {
    private static final String IMAGE = "application/vnd.oci.image.manifest.v1+json";

    @TempDir
    protected Path dir;

    protected MetadataStore store;
    private RegistryRecord registry;
    private long repo;

    /** Opens an empty store; called again on the same directory to simulate a restart. */
    protected abstract MetadataStore open(Path dir) throws IOException;

    @BeforeEach
    void openStore() throws IOException {
        store = open(dir);
        registry = store.registries().getOrCreate("default");
        repo = store.repositories().getOrCreate(registry.id(), new RepositoryName("app"));
    }

    @AfterEach
    void closeStore() throws IOException {
        store.close();
    }

    private static Digest digest(String seed) {
        return Digest.sha256(seed.getBytes(StandardCharsets.UTF_8));
    }

    private static ManifestRecord manifest(String body, Digest subject, String artifactType, Digest... refs) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        return new ManifestRecord(
                Digest.sha256(content),
                IMAGE,
                content,
                artifactType,
                subject,
                subject == null ? null : "{\"note\":\"" + body + "\"}",
                List.of(refs));
    }

    @Test
    void registriesAreCreatedOnceAndFoundByName() throws IOException {
        RegistryRecord again = store.registries().getOrCreate("default");
        assertEquals(registry, again);
        assertEquals(Optional.of(registry), store.registries().find("default"));
        assertTrue(store.registries().find("other").isEmpty());
        assertNotEquals(registry.id(), store.registries().getOrCreate("other").id());
    }

    @Test
    void repositoriesAreCreatedOnceAndBelongToTheirRegistry() throws IOException {
        assertEquals(repo, store.repositories().getOrCreate(registry.id(), new RepositoryName("app")));
        assertEquals(Optional.of(repo), store.repositories().find(registry.id(), new RepositoryName("app")));
        long other = store.registries().getOrCreate("other").id();
        assertTrue(store.repositories().find(other, new RepositoryName("app")).isEmpty());
        assertNotEquals(repo, store.repositories().getOrCreate(other, new RepositoryName("app")));
    }

    @Test
    void concurrentRepositoryCreationYieldsOneRepository() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                ids.add(pool.submit(() -> store.repositories().getOrCreate(registry.id(), new RepositoryName("race"))));
            }
            long first = ids.getFirst().get();
            for (Future<Long> id : ids) {
                assertEquals(first, id.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCatalogListsOnlyRepositoriesWithManifestsInByteOrder() throws IOException {
        for (String name : List.of("b", "a/x", "a", "c-empty", "B".toLowerCase() + "z")) {
            long id = store.repositories().getOrCreate(registry.id(), new RepositoryName(name));
            if (!name.startsWith("c")) {
                store.manifests().put(id, manifest("{" + name + "}", null, null), Optional.empty(), SYSTEM);
            }
        }
        List<RepositoryName> all = store.repositories().listWithManifests(registry.id(), null, 100);
        assertEquals(
                List.of("a", "a/x", "b", "bz"),
                all.stream().map(RepositoryName::value).toList());
        assertEquals(
                List.of("a/x", "b"),
                store.repositories().listWithManifests(registry.id(), "a", 2).stream()
                        .map(RepositoryName::value)
                        .toList());
    }

    @Test
    void blobLinksAreKeptPerRepository() throws IOException {
        long other = store.repositories().getOrCreate(registry.id(), new RepositoryName("other"));
        Digest a = digest("a");
        Digest b = digest("b");
        store.blobLinks().link(repo, a, 10);
        store.blobLinks().link(repo, a, 10);
        store.blobLinks().link(repo, b, 20);
        assertEquals(Optional.of(10L), store.blobLinks().linkedSize(repo, a));
        assertTrue(store.blobLinks().linkedSize(other, a).isEmpty());
        assertEquals(Map.of(a, 10L, b, 20L), store.blobLinks().linkedSizes(repo, List.of(a, b, digest("c"))));
        assertTrue(store.blobLinks().unlink(repo, a));
        assertFalse(store.blobLinks().unlink(repo, a));
        assertTrue(store.blobLinks().linkedSize(repo, a).isEmpty());
    }

    @Test
    void manifestsAreKeptByteForByteAndFoundByDigestAndTag() throws IOException {
        ManifestRecord m = manifest("{ \"odd\" :  1 }\n", null, null, digest("config"));
        store.manifests().put(repo, m, Optional.of(new Tag("v1")), SYSTEM);
        ManifestStore.StoredManifest byDigest =
                store.manifests().get(repo, m.digest()).orElseThrow();
        assertArrayEquals(m.content(), byDigest.content());
        assertEquals(IMAGE, byDigest.mediaType());
        assertEquals(
                m.digest(),
                store.manifests().getByTag(repo, new Tag("v1")).orElseThrow().digest());
        assertTrue(store.manifests().getByTag(repo, new Tag("v2")).isEmpty());
        assertEquals(Set.of(m.digest()), store.manifests().existing(repo, List.of(m.digest(), digest("x"))));
    }

    @Test
    void pushingAgainMovesTheTagAndKeepsTheOldManifest() throws IOException {
        ManifestRecord one = manifest("{1}", null, null);
        ManifestRecord two = manifest("{2}", null, null);
        store.manifests().put(repo, one, Optional.of(new Tag("latest")), SYSTEM);
        store.manifests().put(repo, two, Optional.of(new Tag("latest")), SYSTEM);
        store.manifests().put(repo, two, Optional.of(new Tag("latest")), SYSTEM);
        assertEquals(
                two.digest(),
                store.manifests()
                        .getByTag(repo, new Tag("latest"))
                        .orElseThrow()
                        .digest());
        assertTrue(store.manifests().get(repo, one.digest()).isPresent());
    }

    @Test
    void deletingAManifestRemovesItsTags() throws IOException {
        ManifestRecord m = manifest("{m}", null, null);
        store.manifests().put(repo, m, Optional.of(new Tag("a")), SYSTEM);
        store.manifests().put(repo, m, Optional.of(new Tag("b")), SYSTEM);
        assertTrue(store.manifests().delete(repo, m.digest(), SYSTEM));
        assertFalse(store.manifests().delete(repo, m.digest(), SYSTEM));
        assertEquals(List.of(), store.tags().list(repo, null, 10));
    }

    @Test
    void tagsAreListedInByteOrderAndPaged() throws IOException {
        ManifestRecord m = manifest("{t}", null, null);
        for (String tag : List.of("b", "a", "B", "a1", "_", "10", "9")) {
            store.manifests().put(repo, m, Optional.of(new Tag(tag)), SYSTEM);
        }
        assertEquals(
                List.of("10", "9", "B", "_", "a", "a1", "b"), names(store.tags().list(repo, null, 100)));
        assertEquals(List.of("_", "a"), names(store.tags().list(repo, "B", 2)));
        assertTrue(store.tags().delete(repo, new Tag("a"), SYSTEM));
        assertFalse(store.tags().delete(repo, new Tag("a"), SYSTEM));
        assertTrue(store.manifests().get(repo, m.digest()).isPresent());
    }

    private static List<String> names(List<Tag> tags) {
        return tags.stream().map(Tag::value).toList();
    }

    @Test
    void referrersAreFoundBySubjectAndFilteredByArtifactType() throws IOException {
        Digest subject = digest("subject");
        ManifestRecord sbom = manifest("{sbom}", subject, "application/sbom");
        ManifestRecord sig = manifest("{sig}", subject, "application/sig");
        store.manifests().put(repo, sbom, Optional.empty(), SYSTEM);
        store.manifests().put(repo, sig, Optional.empty(), SYSTEM);
        store.manifests().put(repo, manifest("{unrelated}", null, "application/sbom"), Optional.empty(), SYSTEM);
        List<Descriptor> all = store.manifests().referrers(repo, subject, Optional.empty());
        assertEquals(2, all.size());
        List<Descriptor> sboms = store.manifests().referrers(repo, subject, Optional.of("application/sbom"));
        assertEquals(1, sboms.size());
        Descriptor d = sboms.getFirst();
        assertEquals(sbom.digest(), d.digest());
        assertEquals(sbom.content().length, d.size());
        assertEquals(IMAGE, d.mediaType());
        assertEquals("application/sbom", d.artifactType());
        assertEquals("{sbom}", d.annotations().get("note"));
        assertTrue(store.manifests()
                .referrers(repo, digest("none"), Optional.empty())
                .isEmpty());
    }

    @Test
    void registryUsageCountsEachBlobOnceHoweverManyRepositoriesLinkIt() throws IOException {
        long other = store.repositories().getOrCreate(registry.id(), new RepositoryName("other"));
        store.blobLinks().link(repo, digest("shared"), 100);
        store.blobLinks().link(repo, digest("own"), 10);
        store.blobLinks().link(other, digest("shared"), 100);
        store.blobLinks().link(other, digest("config"), 5);
        ManifestRecord app = manifest("{app}", null, null, digest("shared"), digest("own"));
        ManifestRecord otherImage = manifest("{other image}", null, null, digest("shared"), digest("config"));
        store.manifests().put(repo, app, Optional.of(new Tag("v1")), SYSTEM);
        store.manifests().put(other, otherImage, Optional.empty(), SYSTEM);
        long elsewhere = store.repositories()
                .getOrCreate(store.registries().getOrCreate("elsewhere").id(), new RepositoryName("app"));
        store.blobLinks().link(elsewhere, digest("big"), 1000);
        assertEquals(
                new StorageUsage(115, app.content().length + otherImage.content().length),
                store.usage().registry(registry.id()));
        assertEquals(
                StorageUsage.NONE,
                store.usage().registry(store.registries().getOrCreate("empty").id()));
    }

    @Test
    void repositoryUsageIsItsLinkedBlobsAndItsManifests() throws IOException {
        long other = store.repositories().getOrCreate(registry.id(), new RepositoryName("other"));
        store.repositories().getOrCreate(registry.id(), new RepositoryName("empty"));
        store.blobLinks().link(repo, digest("shared"), 100);
        store.blobLinks().link(repo, digest("own"), 10);
        store.blobLinks().link(other, digest("shared"), 100);
        ManifestRecord app = manifest("{app}", null, null, digest("shared"), digest("own"));
        store.manifests().put(repo, app, Optional.empty(), SYSTEM);
        StorageUsage appUsage = new StorageUsage(110, app.content().length);
        assertEquals(appUsage, store.usage().repository(repo));
        assertEquals(
                List.of(
                        new UsageStore.RepositoryUsage(new RepositoryName("app"), appUsage),
                        new UsageStore.RepositoryUsage(new RepositoryName("empty"), StorageUsage.NONE),
                        new UsageStore.RepositoryUsage(new RepositoryName("other"), new StorageUsage(100, 0))),
                store.usage().repositories(registry.id()));
    }

    @Test
    void manifestUsageIsItselfItsConfigAndItsLinkedLayers() throws IOException {
        store.blobLinks().link(repo, digest("config"), 3);
        store.blobLinks().link(repo, digest("layer"), 100);
        store.blobLinks().link(repo, digest("unrelated"), 1);
        ManifestRecord image = manifest("{image}", null, null, digest("config"), digest("layer"), digest("foreign"));
        store.manifests().put(repo, image, Optional.empty(), SYSTEM);
        assertEquals(
                Optional.of(new StorageUsage(103, image.content().length)),
                store.usage().manifest(repo, image.digest()));
        store.blobLinks().unlink(repo, digest("layer"));
        assertEquals(
                Optional.of(new StorageUsage(3, image.content().length)),
                store.usage().manifest(repo, image.digest()),
                "a blob no longer linked is no longer stored for it");
        assertTrue(store.usage().manifest(repo, digest("none")).isEmpty());
    }

    @Test
    void anIndexCountsItselfAndItsChildrenWithSharedBlobsOnce() throws IOException {
        store.blobLinks().link(repo, digest("amd64 config"), 3);
        store.blobLinks().link(repo, digest("arm64 config"), 4);
        store.blobLinks().link(repo, digest("base layer"), 100);
        store.blobLinks().link(repo, digest("amd64 layer"), 7);
        ManifestRecord amd64 =
                manifest("{amd64}", null, null, digest("amd64 config"), digest("base layer"), digest("amd64 layer"));
        ManifestRecord arm64 = manifest("{arm64}", null, null, digest("arm64 config"), digest("base layer"));
        ManifestRecord index = manifest("{index}", null, null, amd64.digest(), arm64.digest());
        store.manifests().put(repo, amd64, Optional.empty(), SYSTEM);
        store.manifests().put(repo, arm64, Optional.empty(), SYSTEM);
        store.manifests().put(repo, index, Optional.of(new Tag("latest")), SYSTEM);
        StorageUsage indexUsage =
                new StorageUsage(114, index.content().length + amd64.content().length + arm64.content().length);
        assertEquals(Optional.of(indexUsage), store.usage().manifest(repo, index.digest()));
        List<UsageStore.ManifestUsage> expected = new ArrayList<>(List.of(
                new UsageStore.ManifestUsage(amd64.digest(), new StorageUsage(110, amd64.content().length)),
                new UsageStore.ManifestUsage(arm64.digest(), new StorageUsage(104, arm64.content().length)),
                new UsageStore.ManifestUsage(index.digest(), indexUsage)));
        expected.sort(java.util.Comparator.comparing(u -> u.digest().toString()));
        assertEquals(expected, store.usage().manifests(repo));
        assertEquals(
                new StorageUsage(114, indexUsage.manifestBytes()), store.usage().repository(repo));
    }

    @Test
    void aRegistryHoldsABlobWhenAnyOfItsRepositoriesLinksIt() throws IOException {
        long other = store.repositories().getOrCreate(registry.id(), new RepositoryName("other"));
        store.blobLinks().link(other, digest("held"), 1);
        long elsewhere = store.repositories()
                .getOrCreate(store.registries().getOrCreate("elsewhere").id(), new RepositoryName("app"));
        store.blobLinks().link(elsewhere, digest("theirs"), 1);
        assertTrue(store.usage().holdsBlob(registry.id(), digest("held")));
        assertFalse(store.usage().holdsBlob(registry.id(), digest("theirs")));
        assertFalse(store.usage().holdsBlob(registry.id(), digest("nowhere")));
    }

    @Test
    void uploadSessionsAreKeptAndExpireByStartTime() throws IOException {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        store.uploads().create(new UploadSession("aaaa0000aaaa0000aaaa0000aaaa0000", repo, t0));
        store.uploads().create(new UploadSession("bbbb0000bbbb0000bbbb0000bbbb0000", repo, t0.plusSeconds(60)));
        assertEquals(
                repo,
                store.uploads()
                        .find("aaaa0000aaaa0000aaaa0000aaaa0000")
                        .orElseThrow()
                        .repositoryId());
        assertEquals(
                t0,
                store.uploads()
                        .find("aaaa0000aaaa0000aaaa0000aaaa0000")
                        .orElseThrow()
                        .startedAt());
        assertEquals(
                List.of("aaaa0000aaaa0000aaaa0000aaaa0000"),
                store.uploads().startedBefore(t0.plusSeconds(30)).stream()
                        .map(UploadSession::id)
                        .toList());
        store.uploads().delete("aaaa0000aaaa0000aaaa0000aaaa0000");
        assertTrue(store.uploads().find("aaaa0000aaaa0000aaaa0000aaaa0000").isEmpty());
    }

    @Test
    void finishingAnUploadLinksItsBlobAndForgetsTheSession() throws IOException {
        String id = "cccc0000cccc0000cccc0000cccc0000";
        store.uploads().create(new UploadSession(id, repo, Instant.now()));
        store.uploads().finish(id, repo, digest("finished"), 42);
        assertTrue(store.uploads().find(id).isEmpty());
        assertEquals(Optional.of(42L), store.blobLinks().linkedSize(repo, digest("finished")));
        store.uploads().finish(id, repo, digest("finished"), 42);
    }

    @Test
    void everythingSurvivesARestart() throws IOException {
        ManifestRecord m = manifest("{durable}", null, null);
        store.blobLinks().link(repo, digest("blob"), 5);
        store.manifests().put(repo, m, Optional.of(new Tag("kept")), SYSTEM);
        store.close();
        store = open(dir);
        assertEquals(Optional.of(repo), store.repositories().find(registry.id(), new RepositoryName("app")));
        assertEquals(
                m.digest(),
                store.manifests().getByTag(repo, new Tag("kept")).orElseThrow().digest());
        assertEquals(Optional.of(5L), store.blobLinks().linkedSize(repo, digest("blob")));
    }

    @Test
    void concurrentPushesOfOneTagLeaveItOnOneOfThem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<ManifestRecord> pushed = new ArrayList<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                ManifestRecord m = manifest("{" + i + "}", null, null);
                pushed.add(m);
                done.add(pool.submit(() -> {
                    store.manifests().put(repo, m, Optional.of(new Tag("hot")), SYSTEM);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Digest winner =
                store.manifests().getByTag(repo, new Tag("hot")).orElseThrow().digest();
        assertTrue(pushed.stream().anyMatch(m -> m.digest().equals(winner)));
        assertEquals(
                32,
                store.manifests()
                        .existing(
                                repo,
                                pushed.stream().map(ManifestRecord::digest).toList())
                        .size());
    }

    @Test
    void aFailingWriteAmongConcurrentOnesUndoesOnlyItself() throws Exception {
        String taken = "dddd0000dddd0000dddd0000dddd0000";
        store.uploads().create(new UploadSession(taken, repo, Instant.now()));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                String id = i % 4 == 0 ? taken : String.format("%032x", i);
                outcomes.add(pool.submit(() -> {
                    try {
                        store.uploads().create(new UploadSession(id, repo, Instant.now()));
                        return true;
                    } catch (IOException duplicate) {
                        return false;
                    }
                }));
            }
            for (int i = 0; i < 64; i++) {
                assertEquals(i % 4 != 0, outcomes.get(i).get(), "write " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 1; i < 64; i++) {
            if (i % 4 != 0) {
                assertTrue(store.uploads().find(String.format("%032x", i)).isPresent());
            }
        }
    }

    @Test
    void usersAreCreatedOnceAndFoundByName() throws IOException {
        assertFalse(store.identities().hasUsers());
        IdentityStore.UserRecord alice = new IdentityStore.UserRecord("alice", "$hash", false, true);
        assertTrue(store.identities().createUser(alice));
        assertFalse(store.identities().createUser(new IdentityStore.UserRecord("alice", "$other", true, true)));
        assertEquals(Optional.of(alice), store.identities().findUser("alice"));
        assertTrue(store.identities().findUser("bob").isEmpty());
        assertTrue(store.identities().hasUsers());
    }

    @Test
    void roleAssignmentsAreKeptPerSubjectAndRegistry() throws IOException {
        long other = store.registries().getOrCreate("other").id();
        RoleAssignment pull = new RoleAssignment("user:alice", registry.id(), "*", Role.ACR_PULL);
        RoleAssignment push = new RoleAssignment("user:alice", registry.id(), "team/*", Role.ACR_PUSH);
        store.identities().assign(pull);
        store.identities().assign(pull);
        store.identities().assign(push);
        store.identities().assign(new RoleAssignment("user:alice", other, "*", Role.OWNER));
        store.identities().assign(new RoleAssignment("user:bob", registry.id(), "*", Role.OWNER));
        assertEquals(List.of(pull, push), store.identities().assignments("user:alice", registry.id()));
        assertTrue(store.identities().unassign(pull));
        assertFalse(store.identities().unassign(pull));
        assertEquals(List.of(push), store.identities().assignments("user:alice", registry.id()));
    }

    @Test
    void anonymousPullIsOffUntilTurnedOn() throws IOException {
        assertFalse(store.identities().anonymousPull(registry.id()));
        store.identities().setAnonymousPull(registry.id(), true);
        assertTrue(store.identities().anonymousPull(registry.id()));
        store.identities().setAnonymousPull(registry.id(), false);
        assertFalse(store.identities().anonymousPull(registry.id()));
    }

    @Test
    void networkRulesAreOpenUntilSetAndKeptExactly() throws IOException {
        assertEquals(NetworkRules.OPEN, store.identities().networkRules(registry.id()));
        NetworkRules rules = new NetworkRules(
                true, NetworkRules.DefaultAction.DENY, List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("203.0.113.7")));
        store.identities().setNetworkRules(registry.id(), rules);
        assertEquals(rules, store.identities().networkRules(registry.id()));
        NetworkRules closed = new NetworkRules(false, NetworkRules.DefaultAction.ALLOW, List.of());
        store.identities().setNetworkRules(registry.id(), closed);
        assertEquals(closed, store.identities().networkRules(registry.id()));
    }

    @Test
    void scopeMapsAndTokensAreKeptPerRegistryWithTheSystemMapsAlwaysThere() throws IOException {
        assertTrue(store.identities()
                .findScopeMap(registry.id(), "_repositories_pull")
                .isPresent());
        ScopeMap map = new ScopeMap("apps", "the apps", List.of("repositories/app/content/read"));
        store.identities().putScopeMap(registry.id(), map);
        assertEquals(Optional.of(map), store.identities().findScopeMap(registry.id(), "apps"));
        long other = store.registries().getOrCreate("other").id();
        assertTrue(store.identities().findScopeMap(other, "apps").isEmpty());
        RegistryToken token = new RegistryToken(
                registry.id(),
                "ci",
                "apps",
                true,
                List.of(
                        new RegistryToken.Password("password1", "$hash1", null),
                        new RegistryToken.Password("password2", "$hash2", Instant.ofEpochMilli(1_800_000_000_000L))));
        store.identities().putToken(token);
        assertEquals(Optional.of(token), store.identities().findToken(registry.id(), "ci"));
        RegistryToken disabled = new RegistryToken(registry.id(), "ci", "_repositories_pull", false, List.of());
        store.identities().putToken(disabled);
        assertEquals(Optional.of(disabled), store.identities().findToken(registry.id(), "ci"));
        assertTrue(store.identities().findToken(other, "ci").isEmpty());
    }

    @Test
    void adminAccountsAreDisabledUntilSetAndKeptPerRegistry() throws IOException {
        assertEquals(AdminAccount.disabled(registry.id()), store.identities().adminAccount(registry.id()));
        AdminAccount account = new AdminAccount(
                registry.id(),
                true,
                List.of(
                        new RegistryToken.Password("password", "$h1", null),
                        new RegistryToken.Password("password2", "$h2", null)));
        store.identities().setAdminAccount(account);
        assertEquals(account, store.identities().adminAccount(registry.id()));
        long other = store.registries().getOrCreate("other").id();
        assertFalse(store.identities().adminAccount(other).enabled());
    }

    @Test
    void servicePrincipalsAreKeptWithTheirSecretHashes() throws IOException {
        assertTrue(store.identities().findServicePrincipal("ci-bot").isEmpty());
        ServicePrincipal bot = new ServicePrincipal(
                "ci-bot",
                "CI bot",
                true,
                List.of(new RegistryToken.Password("secret1", "$h", Instant.ofEpochMilli(1_900_000_000_000L))));
        store.identities().putServicePrincipal(bot);
        assertEquals(Optional.of(bot), store.identities().findServicePrincipal("ci-bot"));
        ServicePrincipal off = new ServicePrincipal("ci-bot", "CI bot", false, List.of());
        store.identities().putServicePrincipal(off);
        assertEquals(Optional.of(off), store.identities().findServicePrincipal("ci-bot"));
    }

    @Test
    void registriesAreCreatedOnceRegardlessOfCaseAndFoundById() throws IOException {
        RegistryRecord alpha = store.registries().create("alpha", Tier.STANDARD).orElseThrow();
        assertEquals("alpha", alpha.name());
        assertEquals(Tier.STANDARD, alpha.tier());
        assertTrue(store.registries().create("alpha", Tier.BASIC).isEmpty());
        assertTrue(store.registries().create("ALPHA", Tier.BASIC).isEmpty(), "names compare case-insensitively");
        assertEquals(Optional.of(alpha), store.registries().findById(alpha.id()));
        assertEquals(Optional.of(alpha), store.registries().find("alpha"));
        assertTrue(store.registries().findById(alpha.id() + 1000).isEmpty());
    }

    @Test
    void aNewRegistryIsBasicUnlessToldOtherwiseAndListedByName() throws IOException {
        RegistryRecord zulu = store.registries().create("zulu", Tier.PREMIUM).orElseThrow();
        RegistryRecord bravo = store.registries().getOrCreate("bravo");
        assertEquals(Tier.BASIC, bravo.tier());
        assertEquals(Tier.BASIC, registry.tier());
        assertEquals(
                List.of("bravo", "default", "zulu"),
                store.registries().list().stream().map(RegistryRecord::name).toList());
        assertEquals(zulu, store.registries().list().getLast());
    }

    @Test
    void aRegistryMovesToAnotherTier() throws IOException {
        assertTrue(store.registries().setTier(registry.id(), Tier.PREMIUM));
        assertEquals(
                Tier.PREMIUM, store.registries().find("default").orElseThrow().tier());
        assertEquals(
                Tier.PREMIUM,
                store.registries().findById(registry.id()).orElseThrow().tier());
        assertFalse(store.registries().setTier(registry.id() + 1000, Tier.BASIC));
    }

    @Test
    void deletingARegistryRemovesEverythingOfItAndNothingOfOthers() throws IOException {
        RegistryRecord doomed =
                store.registries().create("doomed", Tier.PREMIUM).orElseThrow();
        fill(registry.id(), repo);
        long doomedRepo = store.repositories().getOrCreate(doomed.id(), new RepositoryName("app"));
        fill(doomed.id(), doomedRepo);

        assertTrue(store.registries().delete(doomed.id()));

        assertTrue(store.registries().find("doomed").isEmpty());
        assertTrue(store.registries().findById(doomed.id()).isEmpty());
        assertTrue(store.repositories()
                .find(doomed.id(), new RepositoryName("app"))
                .isEmpty());
        assertTrue(store.directory().tokens(doomed.id()).isEmpty());
        assertTrue(store.directory().scopeMaps(doomed.id()).isEmpty());
        assertTrue(store.directory().registryAssignments(doomed.id()).isEmpty());
        assertFalse(store.identities().anonymousPull(doomed.id()));
        assertEquals(NetworkRules.OPEN, store.identities().networkRules(doomed.id()));
        assertFalse(store.identities().adminAccount(doomed.id()).enabled());
        assertTrue(store.uploads().find(uploadId(doomed.id())).isEmpty());
        assertEquals(
                List.of("default"),
                store.registries().list().stream().map(RegistryRecord::name).toList());
        assertFilled(registry.id(), repo);
        assertFalse(store.registries().delete(doomed.id()), "deleting twice finds nothing");
    }

    @Test
    void aDeletedRegistrysIdIsNeverGivenAgain() throws IOException {
        RegistryRecord first = store.registries().create("first", Tier.BASIC).orElseThrow();
        store.identities().setAdminAccount(new AdminAccount(first.id(), true, List.of()));
        assertTrue(store.registries().delete(first.id()));
        RegistryRecord again = store.registries().create("first", Tier.BASIC).orElseThrow();
        RegistryRecord other = store.registries().getOrCreate("other");
        assertNotEquals(first.id(), again.id(), "credentials bound to the old id must not reach the new registry");
        assertNotEquals(first.id(), other.id());
        assertFalse(store.identities().adminAccount(again.id()).enabled());
    }

    @Test
    void aRegistryCanBeDeletedAfterARestart() throws IOException {
        RegistryRecord kept = store.registries().create("kept", Tier.STANDARD).orElseThrow();
        store.close();
        store = open(dir);
        assertEquals(Optional.of(kept), store.registries().findById(kept.id()));
        assertTrue(store.registries().delete(kept.id()));
    }

    @Test
    void concurrentCreatesStopExactlyAtTheLimit() throws Exception {
        long registryId =
                store.registries().create("limited", Tier.BASIC).orElseThrow().id();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<DirectoryStore.Creation>> tokens = new java.util.ArrayList<>();
            List<Future<DirectoryStore.Creation>> maps = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String name = "name" + i;
                tokens.add(pool.submit(() -> store.directory()
                        .createToken(new RegistryToken(registryId, name, "_repositories_pull", true, List.of()), 3)));
                maps.add(pool.submit(() -> store.directory()
                        .createScopeMap(
                                registryId, new ScopeMap(name, "", List.of("repositories/app/content/read")), 5)));
            }
            assertEquals(3, created(tokens));
            assertEquals(5, created(maps));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, store.directory().tokens(registryId).size());
        assertEquals(5, store.directory().scopeMaps(registryId).size());
        String taken = store.directory().tokens(registryId).getFirst().name();
        assertEquals(
                DirectoryStore.Creation.EXISTS,
                store.directory()
                        .createToken(new RegistryToken(registryId, taken, "_repositories_pull", true, List.of()), 99));
    }

    private static long created(List<Future<DirectoryStore.Creation>> results) throws Exception {
        long created = 0;
        for (Future<DirectoryStore.Creation> result : results) {
            DirectoryStore.Creation creation = result.get();
            assertNotEquals(DirectoryStore.Creation.EXISTS, creation);
            created += creation == DirectoryStore.Creation.CREATED ? 1 : 0;
        }
        return created;
    }

    /** Gives a registry one of everything the store keeps for it. */
    private void fill(long registryId, long repositoryId) throws IOException {
        ManifestRecord m = manifest("{fill " + registryId + "}", null, null, digest("layer"));
        store.blobLinks().link(repositoryId, digest("layer"), 7);
        store.manifests().put(repositoryId, m, Optional.of(new Tag("v1")), SYSTEM);
        store.uploads().create(new UploadSession(uploadId(registryId), repositoryId, Instant.now()));
        store.identities().putScopeMap(registryId, new ScopeMap("maps1", "", List.of("repositories/app/content/read")));
        store.identities()
                .putToken(new RegistryToken(
                        registryId,
                        "token1",
                        "maps1",
                        true,
                        List.of(new RegistryToken.Password("password1", "$h", null))));
        store.identities().assign(new RoleAssignment("user:alice", registryId, "*", Role.ACR_PULL));
        store.identities().setAnonymousPull(registryId, true);
        store.identities()
                .setNetworkRules(
                        registryId,
                        new NetworkRules(true, NetworkRules.DefaultAction.DENY, List.of(Cidr.parse("10.0.0.0/8"))));
        store.identities().setAdminAccount(new AdminAccount(registryId, true, List.of()));
    }

    private void assertFilled(long registryId, long repositoryId) throws IOException {
        assertEquals(Optional.of(repositoryId), store.repositories().find(registryId, new RepositoryName("app")));
        assertEquals(Optional.of(7L), store.blobLinks().linkedSize(repositoryId, digest("layer")));
        assertTrue(store.manifests().getByTag(repositoryId, new Tag("v1")).isPresent());
        assertTrue(store.uploads().find(uploadId(registryId)).isPresent());
        assertEquals(1, store.directory().scopeMaps(registryId).size());
        assertEquals(1, store.directory().tokens(registryId).size());
        assertEquals(1, store.directory().registryAssignments(registryId).size());
        assertTrue(store.identities().anonymousPull(registryId));
        assertEquals(1, store.identities().networkRules(registryId).allowed().size());
        assertTrue(store.identities().adminAccount(registryId).enabled());
    }

    private static String uploadId(long registryId) {
        return String.format("%032x", 0xfeed0000L + registryId);
    }

    @Test
    void usersAreListedByNameChangedAndDeletedWithTheirRoles() throws IOException {
        IdentityStore.UserRecord bob = new IdentityStore.UserRecord("bob", "$b", false, true);
        IdentityStore.UserRecord alice = new IdentityStore.UserRecord("alice", "$a", true, true);
        store.identities().createUser(bob);
        store.identities().createUser(alice);
        assertEquals(List.of(alice, bob), store.directory().users());

        IdentityStore.UserRecord changed = new IdentityStore.UserRecord("bob", "$b2", true, false);
        assertTrue(store.directory().updateUser(changed));
        assertEquals(Optional.of(changed), store.identities().findUser("bob"));
        assertFalse(store.directory().updateUser(new IdentityStore.UserRecord("carol", "$c", false, true)));
        assertTrue(store.identities().findUser("carol").isEmpty());

        store.identities().assign(new RoleAssignment("user:bob", registry.id(), "*", Role.ACR_PUSH));
        store.directory().assignInstallation(new DirectoryStore.InstallationRole("user:bob", Role.READER));
        store.identities().assign(new RoleAssignment("user:alice", registry.id(), "*", Role.ACR_PULL));
        assertTrue(store.directory().deleteUser("bob"));
        assertFalse(store.directory().deleteUser("bob"));
        assertTrue(store.identities().findUser("bob").isEmpty());
        assertEquals(List.of(), store.identities().assignments("user:bob", registry.id()));
        assertEquals(List.of(), store.directory().installationRoles("user:bob"));
        assertEquals(
                1, store.identities().assignments("user:alice", registry.id()).size());
    }

    @Test
    void servicePrincipalsAreListedByIdAndDeletedWithTheirRoles() throws IOException {
        ServicePrincipal zed = new ServicePrincipal("zed", "Zed", true, List.of());
        ServicePrincipal amy = new ServicePrincipal("amy", "Amy", false, List.of());
        store.identities().putServicePrincipal(zed);
        store.identities().putServicePrincipal(amy);
        assertEquals(List.of(amy, zed), store.directory().servicePrincipals());
        store.identities().assign(new RoleAssignment("service_principal:zed", registry.id(), "*", Role.ACR_PULL));
        store.directory().assignInstallation(new DirectoryStore.InstallationRole("service_principal:zed", Role.OWNER));
        assertTrue(store.directory().deleteServicePrincipal("zed"));
        assertFalse(store.directory().deleteServicePrincipal("zed"));
        assertEquals(List.of(amy), store.directory().servicePrincipals());
        assertEquals(List.of(), store.identities().assignments("service_principal:zed", registry.id()));
        assertEquals(List.of(), store.directory().installationRoles("service_principal:zed"));
    }

    @Test
    void aRegistrysOwnScopeMapsAreListedByNameWithoutTheSystemMapsAndDeletedOneByOne() throws IOException {
        long other = store.registries().getOrCreate("other").id();
        ScopeMap pull = new ScopeMap("pull-app", "pull", List.of("repositories/app/content/read"));
        ScopeMap admin = new ScopeMap("admin-all", "all", List.of("repositories/*/content/write"));
        store.identities().putScopeMap(registry.id(), pull);
        store.identities().putScopeMap(registry.id(), admin);
        store.identities().putScopeMap(other, pull);
        assertEquals(List.of(admin, pull), store.directory().scopeMaps(registry.id()));
        assertTrue(store.directory().deleteScopeMap(registry.id(), "pull-app"));
        assertFalse(store.directory().deleteScopeMap(registry.id(), "pull-app"));
        assertFalse(
                store.directory().deleteScopeMap(registry.id(), "_repositories_pull"), "system maps are not stored");
        assertEquals(List.of(admin), store.directory().scopeMaps(registry.id()));
        assertEquals(List.of(pull), store.directory().scopeMaps(other));
    }

    @Test
    void aRegistrysTokensAreListedByNameAndDeletedOneByOne() throws IOException {
        long other = store.registries().getOrCreate("other").id();
        RegistryToken ci = new RegistryToken(registry.id(), "ci", "_repositories_pull", true, List.of());
        RegistryToken build = new RegistryToken(
                registry.id(),
                "build",
                "_repositories_push",
                false,
                List.of(new RegistryToken.Password("password2", "$h", Instant.ofEpochMilli(1_900_000_000_000L))));
        store.identities().putToken(ci);
        store.identities().putToken(build);
        store.identities().putToken(new RegistryToken(other, "ci", "_repositories_pull", true, List.of()));
        assertEquals(List.of(build, ci), store.directory().tokens(registry.id()));
        assertTrue(store.directory().deleteToken(registry.id(), "ci"));
        assertFalse(store.directory().deleteToken(registry.id(), "ci"));
        assertEquals(List.of(build), store.directory().tokens(registry.id()));
        assertEquals(1, store.directory().tokens(other).size());
    }

    @Test
    void aRegistrysRoleAssignmentsAreListedBySubject() throws IOException {
        long other = store.registries().getOrCreate("other").id();
        RoleAssignment bob = new RoleAssignment("user:bob", registry.id(), "*", Role.READER);
        RoleAssignment alice = new RoleAssignment("user:alice", registry.id(), "team/*", Role.ACR_PUSH);
        store.identities().assign(bob);
        store.identities().assign(alice);
        store.identities().assign(new RoleAssignment("user:carol", other, "*", Role.OWNER));
        assertEquals(List.of(alice, bob), store.directory().registryAssignments(registry.id()));
    }

    @Test
    void installationRolesAreGivenOnceAndTakenBack() throws IOException {
        DirectoryStore.InstallationRole owner = new DirectoryStore.InstallationRole("user:alice", Role.OWNER);
        DirectoryStore.InstallationRole reader = new DirectoryStore.InstallationRole("user:alice", Role.READER);
        DirectoryStore.InstallationRole bob = new DirectoryStore.InstallationRole("user:bob", Role.CONTRIBUTOR);
        store.directory().assignInstallation(owner);
        store.directory().assignInstallation(owner);
        store.directory().assignInstallation(reader);
        store.directory().assignInstallation(bob);
        assertEquals(List.of(Role.OWNER, Role.READER), store.directory().installationRoles("user:alice"));
        assertEquals(List.of(owner, reader, bob), store.directory().installationAssignments());
        assertEquals(List.of(), store.identities().assignments("user:alice", registry.id()), "not a registry role");
        assertTrue(store.directory().unassignInstallation(owner));
        assertFalse(store.directory().unassignInstallation(owner));
        assertEquals(List.of(Role.READER), store.directory().installationRoles("user:alice"));
        assertEquals(List.of(), store.directory().installationRoles("user:nobody"));
    }

    @Test
    void aHealthyStorePassesItsCheck() throws IOException {
        store.check();
    }

    // ACR's metadata API: changeable attributes, details, pull times

    private static final Tag V1 = new Tag("v1");
    private static final ChangeableAttributes ON = ChangeableAttributes.DEFAULT;

    private static AttributeUpdate update(Boolean delete, Boolean write, Boolean read, Boolean list) {
        return new AttributeUpdate(delete, write, read, list);
    }

    private static ManifestRecord image(String body, String architecture) {
        ManifestRecord m = manifest(body, null, null, digest("config-" + body));
        return new ManifestRecord(
                m.digest(),
                m.mediaType(),
                m.content(),
                null,
                null,
                null,
                m.references(),
                new ManifestStore.ImageFacts(
                        "application/vnd.oci.image.config.v1+json", architecture, "linux", 1234, List.of()));
    }

    private AttributeStore.Attributes attributes(Optional<Tag> tag, Optional<Digest> manifest) throws IOException {
        return store.attributes().read(repo, tag, manifest);
    }

    @Test
    void everyItemStartsWithAllAttributesOnAndEachChangesIndependently() throws IOException {
        ManifestRecord m = manifest("{locks}", null, null);
        store.manifests().put(repo, m, Optional.of(V1), SYSTEM);
        assertEquals(
                new AttributeStore.Attributes(ON, Optional.of(ON), Optional.of(ON)),
                attributes(Optional.of(V1), Optional.of(m.digest())));

        ChangeableAttributes tagLocked = new ChangeableAttributes(true, false, true, true);
        assertEquals(Optional.of(tagLocked), store.attributes().updateTag(repo, V1, update(null, false, null, null)));
        assertEquals(
                Optional.of(new ChangeableAttributes(false, false, true, true)),
                store.attributes().updateTag(repo, V1, update(false, null, null, null)));
        store.attributes().updateManifest(repo, m.digest(), update(null, null, false, null));
        assertEquals(
                new ChangeableAttributes(true, true, true, false),
                store.attributes().updateRepository(repo, update(null, null, null, false)));

        AttributeStore.Attributes all = attributes(Optional.of(V1), Optional.of(m.digest()));
        assertEquals(new ChangeableAttributes(true, true, true, false), all.repository());
        assertEquals(Optional.of(new ChangeableAttributes(false, false, true, true)), all.tag());
        assertEquals(Optional.of(new ChangeableAttributes(true, true, false, true)), all.manifest());
        assertEquals(
                Optional.of(new ChangeableAttributes(true, true, false, true)),
                store.attributes().updateManifest(repo, m.digest(), update(null, null, null, null)));
        assertTrue(store.attributes()
                .updateTag(repo, new Tag("none"), update(false, null, null, null))
                .isEmpty());
        assertTrue(store.attributes()
                .updateManifest(repo, digest("none"), update(false, null, null, null))
                .isEmpty());
        assertEquals(
                new AttributeStore.Attributes(ON, Optional.empty(), Optional.empty()),
                store.attributes()
                        .read(
                                store.repositories().getOrCreate(registry.id(), new RepositoryName("b")),
                                Optional.of(V1),
                                Optional.of(m.digest())));
    }

    @Test
    void aTagKeepsItsAttributesWhenItMovesAndLosesThemWithItself() throws IOException {
        ManifestRecord one = manifest("{one}", null, null);
        ManifestRecord two = manifest("{two}", null, null);
        store.manifests().put(repo, one, Optional.of(V1), SYSTEM);
        store.attributes().updateTag(repo, V1, update(null, false, null, null));
        store.attributes().updateManifest(repo, one.digest(), update(false, null, null, null));
        store.manifests().put(repo, two, Optional.of(V1), SYSTEM);
        assertFalse(attributes(Optional.of(V1), Optional.empty())
                .tag()
                .orElseThrow()
                .writeEnabled());
        assertEquals(
                Map.of(V1, new ChangeableAttributes(true, false, true, true)),
                store.attributes().tagsOn(repo, two.digest()));
        assertEquals(Map.of(), store.attributes().tagsOn(repo, one.digest()));

        assertTrue(store.tags().delete(repo, V1, SYSTEM));
        store.manifests().put(repo, two, Optional.of(V1), SYSTEM);
        assertEquals(
                Optional.of(ON), attributes(Optional.of(V1), Optional.empty()).tag());
        assertTrue(store.manifests().delete(repo, one.digest(), SYSTEM));
        store.manifests().put(repo, one, Optional.empty(), SYSTEM);
        assertEquals(
                Optional.of(ON),
                attributes(Optional.empty(), Optional.of(one.digest())).manifest());
    }

    @Test
    void theFirstUndeletableItemIsATagThenAManifest() throws IOException {
        ManifestRecord m = manifest("{undeletable}", null, null);
        store.manifests().put(repo, m, Optional.of(V1), SYSTEM);
        store.attributes().updateTag(repo, V1, update(null, null, false, false));
        assertTrue(store.attributes().firstUndeletable(repo).isEmpty());
        store.attributes().updateManifest(repo, m.digest(), update(null, false, null, null));
        AttributeStore.Locked locked = store.attributes().firstUndeletable(repo).orElseThrow();
        assertEquals(Lockable.MANIFEST, locked.kind());
        assertEquals(m.digest().toString(), locked.name());
        store.attributes().updateTag(repo, V1, update(false, null, null, null));
        assertEquals(
                Lockable.TAG,
                store.attributes().firstUndeletable(repo).orElseThrow().kind());
    }

    @Test
    void listingsLeaveOutWhatListEnabledHides() throws IOException {
        long other = store.repositories().getOrCreate(registry.id(), new RepositoryName("other"));
        ManifestRecord m = manifest("{listed}", null, null);
        store.manifests().put(other, m, Optional.empty(), SYSTEM);
        for (String tag : List.of("a", "b", "c")) {
            store.manifests().put(repo, m, Optional.of(new Tag(tag)), SYSTEM);
        }
        store.attributes().updateTag(repo, new Tag("b"), update(null, null, null, false));
        assertEquals(List.of("a", "c"), names(store.tags().listed(repo, null, 10)));
        assertEquals(List.of("a", "b", "c"), names(store.tags().list(repo, null, 10)));
        assertEquals(List.of("c"), names(store.tags().listed(repo, "a", 10)));

        store.attributes().updateRepository(repo, update(null, null, null, false));
        assertEquals(List.of(), store.tags().listed(repo, null, 10));
        assertEquals(
                List.of("other"),
                store.repositories().catalog(registry.id(), null, 10).stream()
                        .map(RepositoryName::value)
                        .toList());
        assertEquals(
                2,
                store.repositories().listWithManifests(registry.id(), null, 10).size());
        assertEquals(
                List.of(),
                store.details().tags(repo, new DetailStore.Query(DetailStore.Order.NAME, null, 10), Optional.empty()));
        assertEquals(
                List.of(), store.details().manifests(repo, new DetailStore.Query(DetailStore.Order.NAME, null, 10)));
    }

    @Test
    void tagDetailsAreListedByNameOrTimeAndPagedAfterTheLastShown() throws Exception {
        ManifestRecord one = manifest("{d1}", null, null);
        ManifestRecord two = manifest("{d2}", null, null);
        for (String tag : List.of("c", "a", "b")) {
            store.manifests().put(repo, tag.equals("b") ? two : one, Optional.of(new Tag(tag)), SYSTEM);
            Thread.sleep(3);
        }
        assertEquals(List.of("a", "b", "c"), tagNames(DetailStore.Order.NAME, null, 10, Optional.empty()));
        assertEquals(List.of("b", "a", "c"), tagNames(DetailStore.Order.TIME_DESC, null, 10, Optional.empty()));
        assertEquals(List.of("c", "a", "b"), tagNames(DetailStore.Order.TIME_ASC, null, 10, Optional.empty()));
        assertEquals(List.of("a"), tagNames(DetailStore.Order.TIME_DESC, "b", 1, Optional.empty()));
        assertEquals(List.of("b"), tagNames(DetailStore.Order.TIME_ASC, "a", 5, Optional.empty()));
        assertEquals(List.of("c"), tagNames(DetailStore.Order.NAME, "b", 5, Optional.empty()));
        assertEquals(List.of(), tagNames(DetailStore.Order.TIME_DESC, "gone", 5, Optional.empty()));
        assertEquals(List.of("a", "c"), tagNames(DetailStore.Order.NAME, null, 10, Optional.of(one.digest())));

        DetailStore.TagDetails b = store.details().tag(repo, new Tag("b")).orElseThrow();
        assertEquals(two.digest(), b.digest());
        assertEquals(b.createdAt(), b.updatedAt());
        assertEquals(Optional.empty(), b.lastPulledAt());
        assertEquals(ON, b.attributes());
        Thread.sleep(3);
        store.manifests().put(repo, one, Optional.of(new Tag("b")), SYSTEM);
        DetailStore.TagDetails moved = store.details().tag(repo, new Tag("b")).orElseThrow();
        assertEquals(b.createdAt(), moved.createdAt());
        assertTrue(moved.updatedAt().isAfter(b.updatedAt()));
        assertTrue(store.details().tag(repo, new Tag("none")).isEmpty());
    }

    private List<String> tagNames(DetailStore.Order order, String last, int limit, Optional<Digest> pointingAt)
            throws IOException {
        return store.details().tags(repo, new DetailStore.Query(order, last, limit), pointingAt).stream()
                .map(t -> t.tag().value())
                .toList();
    }

    @Test
    void manifestDetailsCarryTheirFactsListedTagsAndAttributes() throws Exception {
        ManifestRecord amd = image("{amd64}", "amd64");
        store.manifests().put(repo, amd, Optional.of(new Tag("x")), SYSTEM);
        store.manifests().put(repo, amd, Optional.of(new Tag("y")), SYSTEM);
        Thread.sleep(3);
        ManifestRecord arm = image("{arm64}", "arm64");
        store.manifests().put(repo, arm, Optional.empty(), SYSTEM);
        store.manifests().put(repo, manifest("{old}", null, null), Optional.empty(), SYSTEM);
        store.attributes().updateTag(repo, new Tag("y"), update(null, null, null, false));

        DetailStore.ManifestDetails found =
                store.details().manifest(repo, amd.digest()).orElseThrow();
        assertEquals(IMAGE, found.mediaType());
        assertEquals(amd.content().length, found.size());
        assertEquals(List.of(new Tag("x")), found.tags());
        assertEquals(amd.facts(), found.facts());
        assertEquals(ON, found.attributes());
        assertTrue(store.details().manifest(repo, digest("none")).isEmpty());

        DetailStore.Query newestFirst = new DetailStore.Query(DetailStore.Order.TIME_DESC, null, 2);
        List<DetailStore.ManifestDetails> page = store.details().manifests(repo, newestFirst);
        assertEquals(2, page.size());
        assertTrue(page.stream().noneMatch(m -> m.digest().equals(amd.digest())));
        store.attributes().updateManifest(repo, arm.digest(), update(null, null, null, false));
        List<DetailStore.ManifestDetails> all =
                store.details().manifests(repo, new DetailStore.Query(DetailStore.Order.NAME, null, 10));
        assertEquals(2, all.size());
        assertEquals(1, all.stream().filter(m -> m.facts() == null).count());
    }

    @Test
    void indexFactsKeepTheirChildrenPlatforms() throws IOException {
        ManifestRecord m = manifest("{index}", null, null);
        ManifestStore.ImageFacts facts = new ManifestStore.ImageFacts(
                null,
                null,
                null,
                99,
                List.of(
                        new ManifestStore.ChildPlatform(digest("c1"), "amd64", "linux"),
                        new ManifestStore.ChildPlatform(digest("c2"), null, null)));
        store.manifests()
                .put(
                        repo,
                        new ManifestRecord(
                                m.digest(),
                                "application/vnd.oci.image.index.v1+json",
                                m.content(),
                                null,
                                null,
                                null,
                                List.of(),
                                facts),
                        Optional.empty(),
                        SYSTEM);
        assertEquals(
                facts, store.details().manifest(repo, m.digest()).orElseThrow().facts());
    }

    @Test
    void pullTimesOnlyMoveForwardAndSkipWhatIsGone() throws IOException {
        ManifestRecord m = manifest("{pulled}", null, null);
        store.manifests().put(repo, m, Optional.of(V1), SYSTEM);
        Instant t1 = Instant.parse("2026-03-01T10:00:00Z");
        Instant t0 = t1.minusSeconds(60);
        store.pulls()
                .record(
                        List.of(
                                new PullStore.PulledManifest(repo, m.digest(), t1),
                                new PullStore.PulledManifest(repo, digest("gone"), t1)),
                        List.of(
                                new PullStore.PulledTag(repo, V1, t1),
                                new PullStore.PulledTag(repo, new Tag("gone"), t1)));
        store.pulls()
                .record(
                        List.of(new PullStore.PulledManifest(repo, m.digest(), t0)),
                        List.of(new PullStore.PulledTag(repo, V1, t0)));
        assertEquals(
                Optional.of(t1),
                store.details().manifest(repo, m.digest()).orElseThrow().lastPulledAt());
        assertEquals(
                Optional.of(t1), store.details().tag(repo, V1).orElseThrow().lastPulledAt());
        store.pulls().record(List.of(), List.of());
    }

    @Test
    void repositoryDetailsCountWhatItHoldsAndItIsGoneWhenEmptied() throws IOException {
        assertTrue(store.details().repository(repo).isEmpty());
        ManifestRecord one = manifest("{r1}", null, null);
        ManifestRecord two = manifest("{r2}", null, null);
        store.manifests().put(repo, one, Optional.of(new Tag("b")), SYSTEM);
        store.manifests().put(repo, two, Optional.of(new Tag("a")), SYSTEM);
        store.blobLinks().link(repo, digest("layer"), 5);
        store.attributes().updateRepository(repo, update(false, false, false, false));
        store.attributes().updateTag(repo, new Tag("a"), update(false, null, null, null));
        DetailStore.RepositoryDetails details = store.details().repository(repo).orElseThrow();
        assertEquals(2, details.manifestCount());
        assertEquals(2, details.tagCount());
        assertFalse(details.updatedAt().isBefore(details.createdAt()));
        assertEquals(new ChangeableAttributes(false, false, false, false), details.attributes());

        RepositoryStore.DeletedContent deleted = store.repositories().deleteContent(repo, SYSTEM);
        assertEquals(
                List.of(one.digest(), two.digest()).stream()
                        .sorted(java.util.Comparator.comparing(Digest::toString))
                        .toList(),
                deleted.manifests());
        assertEquals(List.of(new Tag("a"), new Tag("b")), deleted.tags());
        assertTrue(store.details().repository(repo).isEmpty());
        assertTrue(store.blobLinks().linkedSize(repo, digest("layer")).isEmpty());
        assertEquals(ON, attributes(Optional.empty(), Optional.empty()).repository());
        assertEquals(Optional.of(repo), store.repositories().find(registry.id(), new RepositoryName("app")));
        store.manifests().put(repo, one, Optional.of(new Tag("b")), SYSTEM);
        assertEquals(1, store.details().repository(repo).orElseThrow().manifestCount());
    }

    @Test
    void aRegistryWithLockedAndPulledContentCanBeDeleted() throws IOException {
        ManifestRecord m = manifest("{doomed}", null, null);
        store.manifests().put(repo, m, Optional.of(V1), SYSTEM);
        store.attributes().updateTag(repo, V1, update(false, false, false, false));
        store.attributes().updateManifest(repo, m.digest(), update(false, false, false, false));
        store.attributes().updateRepository(repo, update(false, false, false, false));
        store.pulls().record(List.of(new PullStore.PulledManifest(repo, m.digest(), Instant.now())), List.of());
        assertTrue(store.registries().delete(registry.id()));
        assertTrue(store.registries().find("default").isEmpty());
    }

    private static final RequestContext ALICE =
            new RequestContext(new EventRequest("req-1", "default.example", "PUT", "docker/27", "192.0.2.7"), "alice");

    private List<RegistryEvent> events() throws IOException {
        return store.events().after(0, 1000);
    }

    @Test
    void everyContentChangeAppendsItsEventInOrder() throws IOException {
        ManifestRecord one = manifest("{e1}", null, null);
        ManifestRecord two = manifest("{e2}", null, null);
        store.manifests().put(repo, one, Optional.of(V1), ALICE);
        store.manifests().put(repo, two, Optional.empty(), SYSTEM);
        store.tags().delete(repo, V1, ALICE);
        store.manifests().delete(repo, two.digest(), ALICE);
        store.manifests().put(repo, two, Optional.of(new Tag("b")), ALICE);
        store.repositories().deleteContent(repo, ALICE);

        List<RegistryEvent> events = events();
        assertEquals(
                List.of(
                        EventAction.PUSH,
                        EventAction.PUSH,
                        EventAction.TAG_DELETE,
                        EventAction.DELETE,
                        EventAction.PUSH,
                        EventAction.REPOSITORY_DELETE),
                events.stream().map(RegistryEvent::action).toList());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).sequence() > events.get(i - 1).sequence());
        }
        assertEquals(events.getLast().sequence(), store.events().latest());
        assertEquals(6, events.stream().map(RegistryEvent::id).distinct().count());
        assertTrue(events.stream().allMatch(e -> e.registryId() == registry.id()));

        RegistryEvent push = events.getFirst();
        long size = one.content().length;
        assertEquals(new EventTarget(IMAGE, size, one.digest().toString(), size, "app", "v1"), push.target());
        assertEquals(ALICE.request(), push.request());
        assertEquals("alice", push.actor());
        assertEquals(EventRequest.NONE, events.get(1).request());
        assertEquals("", events.get(1).actor());
        assertEquals(
                new EventTarget(IMAGE, null, one.digest().toString(), null, "app", "v1"),
                events.get(2).target());
        assertEquals(
                new EventTarget(IMAGE, null, two.digest().toString(), null, "app", null),
                events.get(3).target());
        assertEquals(
                new EventTarget(null, null, null, null, "app", null),
                events.get(5).target());
    }

    @Test
    void aHelmChartsPushAndDeleteAreChartEventsNamedAfterTheRepositoryWithTheTagAsVersion() throws IOException {
        long charts = store.repositories().getOrCreate(registry.id(), new RepositoryName("helm/mychart"));
        ManifestRecord plain = manifest("{chart}", null, null);
        ManifestRecord chart = new ManifestRecord(
                plain.digest(),
                IMAGE,
                plain.content(),
                null,
                null,
                null,
                List.of(),
                new ManifestStore.ImageFacts(HelmChart.CONFIG_MEDIA_TYPE, null, null, 100, List.of()));
        store.manifests().put(charts, chart, Optional.of(new Tag("0.1.0")), ALICE);
        store.manifests().delete(charts, chart.digest(), ALICE);

        List<RegistryEvent> events = events();
        assertEquals(
                List.of(EventAction.CHART_PUSH, EventAction.CHART_DELETE),
                events.stream().map(RegistryEvent::action).toList());
        long size = chart.content().length;
        String digest = chart.digest().toString();
        assertEquals(
                new EventTarget(HelmChart.MEDIA_TYPE, size, digest, size, "helm/mychart", "0.1.0", "mychart", "0.1.0"),
                events.get(0).target());
        assertEquals(
                new EventTarget(HelmChart.MEDIA_TYPE, null, digest, null, "helm/mychart", "0.1.0", "mychart", "0.1.0"),
                events.get(1).target());
    }

    @Test
    void aQuarantineStateIsKeptOnTheManifestWithItsEventAndAMissingManifestGetsNeither() throws IOException {
        ManifestRecord m = manifest("{scanned}", null, null);
        store.manifests().put(repo, m, Optional.of(V1), ALICE);
        Quarantine passed = new Quarantine(Quarantine.State.PASSED, "{\"scanner\":\"trivy\"}");
        assertTrue(store.manifests().quarantine(repo, m.digest(), passed, ALICE));
        assertFalse(store.manifests().quarantine(repo, digest("absent"), passed, ALICE));

        assertEquals(
                Optional.of(passed),
                store.details().manifest(repo, m.digest()).orElseThrow().quarantine());
        List<RegistryEvent> events = events();
        assertEquals(
                List.of(EventAction.PUSH, EventAction.QUARANTINE),
                events.stream().map(RegistryEvent::action).toList());
        long size = m.content().length;
        assertEquals(
                new EventTarget(IMAGE, size, m.digest().toString(), size, "app", "v1"),
                events.getLast().target());
    }

    @Test
    void pruningRemovesOnlyOldEventsEveryCursorPassedAndKeepsTheNewestSoNoSequenceIsGivenAgain() throws IOException {
        for (int i = 0; i < 5; i++) {
            store.manifests().put(repo, manifest("{prune" + i + "}", null, null), Optional.empty(), SYSTEM);
        }
        List<Long> sequences = events().stream().map(RegistryEvent::sequence).toList();
        Instant future = Instant.now().plusSeconds(3600);
        store.events().advance("slow", sequences.get(2));
        store.events().advance("fast", sequences.get(4));

        assertEquals(0, store.events().prune(Instant.EPOCH), "nothing is older than the retention");
        assertEquals(3, store.events().prune(future));
        assertEquals(
                sequences.subList(3, 5),
                events().stream().map(RegistryEvent::sequence).toList());

        store.events().advance("slow", sequences.get(4));
        assertEquals(1, store.events().prune(future));
        assertEquals(
                List.of(sequences.get(4)),
                events().stream().map(RegistryEvent::sequence).toList());
        assertEquals(0, store.events().prune(future), "the newest event stays");

        store.close();
        store = open(dir);
        store.manifests().put(repo, manifest("{after}", null, null), Optional.empty(), SYSTEM);
        assertTrue(store.events().latest() > sequences.get(4));
    }

    @Test
    void pruningWithoutCursorsKeepsOnlyTheNewestEvent() throws IOException {
        for (int i = 0; i < 3; i++) {
            store.manifests().put(repo, manifest("{lone" + i + "}", null, null), Optional.empty(), SYSTEM);
        }
        assertEquals(2, store.events().prune(Instant.now().plusSeconds(60)));
        assertEquals(1, events().size());
    }

    @Test
    void pruningTheDeliveryHistoryRemovesOnlyAttemptsOlderThanTheRetention() throws IOException {
        Webhook webhook = new Webhook(
                "hook-id",
                registry.id(),
                "hook1",
                URI.create("http://127.0.0.1/"),
                Map.of(),
                List.of("push"),
                WebhookScope.ALL,
                true,
                Optional.empty(),
                Instant.now());
        store.webhooks().create(webhook, 10);
        Instant now = Instant.now();
        store.webhooks().record(attempt(webhook, "old", now.minusSeconds(10 * 86400)));
        store.webhooks().record(attempt(webhook, "new", now));

        assertEquals(1, store.webhooks().pruneDeliveries(now.minusSeconds(86400)));
        assertEquals(
                List.of("new"),
                store.webhooks().deliveries(webhook.id(), 0, 10).stream()
                        .map(Delivery::id)
                        .toList());
    }

    private static Delivery attempt(Webhook webhook, String id, Instant at) {
        return new Delivery(
                id,
                webhook.id(),
                "event-" + id,
                "push",
                1,
                at,
                "http://127.0.0.1/",
                Map.of(),
                "{}",
                200,
                Map.of(),
                "",
                1,
                Delivery.Outcome.DELIVERED,
                "");
    }

    @Test
    void aChangeThatChangesNothingHasNoEvent() throws IOException {
        assertFalse(store.tags().delete(repo, V1, ALICE));
        assertFalse(store.manifests().delete(repo, digest("absent"), ALICE));
        store.repositories().deleteContent(repo, ALICE);
        assertEquals(List.of(), events());
        assertEquals(0, store.events().latest());
    }

    @Test
    void aPutWhoseTransactionFailsLeavesNeitherManifestNorEvent() throws IOException {
        ManifestRecord m = manifest("{orphan}", null, null);
        long noSuchRepository = repo + 1000;
        assertThrowsIo(() -> store.manifests().put(noSuchRepository, m, Optional.of(V1), ALICE));
        assertTrue(store.manifests().get(noSuchRepository, m.digest()).isEmpty());
        assertEquals(List.of(), events());
        store.manifests().put(repo, m, Optional.empty(), ALICE);
        assertEquals(1, events().size());
    }

    @Test
    void eventsArePagedAfterASequence() throws IOException {
        for (int i = 0; i < 5; i++) {
            store.manifests().put(repo, manifest("{p" + i + "}", null, null), Optional.empty(), SYSTEM);
        }
        List<RegistryEvent> all = events();
        assertEquals(all.subList(0, 2), store.events().after(0, 2));
        assertEquals(all.subList(2, 4), store.events().after(all.get(1).sequence(), 2));
        assertEquals(List.of(), store.events().after(all.getLast().sequence(), 10));
    }

    @Test
    void cursorsMoveOnlyForwardAndSurviveARestart() throws IOException {
        assertEquals(0, store.events().cursor("webhooks"));
        store.events().advance("webhooks", 7);
        store.events().advance("webhooks", 3);
        store.events().advance("replication", 2);
        store.close();
        store = open(dir);
        assertEquals(7, store.events().cursor("webhooks"));
        assertEquals(2, store.events().cursor("replication"));
    }

    @Test
    void eventsOutliveTheirRegistryAndSequencesAreNeverGivenAgain() throws IOException {
        store.manifests().put(repo, manifest("{gone}", null, null), Optional.of(V1), SYSTEM);
        long before = store.events().latest();
        assertTrue(store.registries().delete(registry.id()));
        assertEquals(before, store.events().latest());
        RegistryRecord next = store.registries().getOrCreate("next");
        long nextRepo = store.repositories().getOrCreate(next.id(), new RepositoryName("app"));
        store.manifests().put(nextRepo, manifest("{new}", null, null), Optional.empty(), SYSTEM);
        assertTrue(store.events().latest() > before);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void assertThrowsIo(IoAction action) {
        try {
            action.run();
        } catch (IOException expected) {
            return;
        }
        throw new AssertionError("expected an IOException");
    }
}
