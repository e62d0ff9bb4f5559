package dev.berth.core.spi;

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
import dev.berth.core.oci.Descriptor;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;
import dev.berth.core.spi.ManifestStore.ManifestRecord;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.spi.UploadStore.UploadSession;
import java.io.IOException;
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
                store.manifests().put(id, manifest("{" + name + "}", null, null), Optional.empty());
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
        store.manifests().put(repo, m, Optional.of(new Tag("v1")));
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
        store.manifests().put(repo, one, Optional.of(new Tag("latest")));
        store.manifests().put(repo, two, Optional.of(new Tag("latest")));
        store.manifests().put(repo, two, Optional.of(new Tag("latest")));
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
        store.manifests().put(repo, m, Optional.of(new Tag("a")));
        store.manifests().put(repo, m, Optional.of(new Tag("b")));
        assertTrue(store.manifests().delete(repo, m.digest()));
        assertFalse(store.manifests().delete(repo, m.digest()));
        assertEquals(List.of(), store.tags().list(repo, null, 10));
    }

    @Test
    void tagsAreListedInByteOrderAndPaged() throws IOException {
        ManifestRecord m = manifest("{t}", null, null);
        for (String tag : List.of("b", "a", "B", "a1", "_", "10", "9")) {
            store.manifests().put(repo, m, Optional.of(new Tag(tag)));
        }
        assertEquals(
                List.of("10", "9", "B", "_", "a", "a1", "b"), names(store.tags().list(repo, null, 100)));
        assertEquals(List.of("_", "a"), names(store.tags().list(repo, "B", 2)));
        assertTrue(store.tags().delete(repo, new Tag("a")));
        assertFalse(store.tags().delete(repo, new Tag("a")));
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
        store.manifests().put(repo, sbom, Optional.empty());
        store.manifests().put(repo, sig, Optional.empty());
        store.manifests().put(repo, manifest("{unrelated}", null, "application/sbom"), Optional.empty());
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
        store.manifests().put(repo, app, Optional.of(new Tag("v1")));
        store.manifests().put(other, otherImage, Optional.empty());
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
        store.manifests().put(repo, app, Optional.empty());
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
        store.manifests().put(repo, image, Optional.empty());
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
        store.manifests().put(repo, amd64, Optional.empty());
        store.manifests().put(repo, arm64, Optional.empty());
        store.manifests().put(repo, index, Optional.of(new Tag("latest")));
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
        store.manifests().put(repo, m, Optional.of(new Tag("kept")));
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
                    store.manifests().put(repo, m, Optional.of(new Tag("hot")));
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
    void aHealthyStorePassesItsCheck() throws IOException {
        store.check();
    }
}
