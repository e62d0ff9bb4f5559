package dev.berth.tasks.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.berth.core.egress.Egress;
import dev.berth.core.egress.EgressPolicy;
import dev.berth.core.egress.OwnAddresses;
import dev.berth.core.runs.Platform;
import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunKeys;
import dev.berth.core.runs.RunRequest;
import dev.berth.core.runs.RunType;
import dev.berth.core.runs.service.FileRunLog;
import dev.berth.core.spi.RunFiles;
import dev.berth.egress.JettyEgress;
import dev.berth.storage.fs.FilesystemRunFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcePreparerTest {
    @TempDir
    Path dir;

    RunFiles files() {
        return new FilesystemRunFiles(dir.resolve("data"));
    }

    Run run(String location) {
        RunRequest request = new RunRequest(
                RunType.QUICK_BUILD,
                List.of("app:1"),
                true,
                false,
                "Dockerfile",
                "",
                List.of(),
                Platform.DEFAULT,
                location,
                RunRequest.DEFAULT_TIMEOUT,
                "",
                "",
                List.of());
        return Run.queued(1, "ca1", request, Instant.now());
    }

    /** Loopback allowed, as the test installation's {@code egress.allow} does. */
    static final Egress LOOPBACK = new JettyEgress(EgressPolicy.allowing("127.0.0.0/8"));
    /** The default policy: loopback refused. */
    static final Egress DEFAULT = new JettyEgress(EgressPolicy.defaults(new OwnAddresses()));

    Path prepare(RunFiles files, String location) throws IOException {
        return prepare(files, location, LOOPBACK);
    }

    Path prepare(RunFiles files, String location, Egress egress) throws IOException {
        return new SourcePreparer(files, 1 << 20, egress)
                .prepare(run(location), dir.resolve("work"), new FileRunLog(files, 1, "ca1", 1 << 20));
    }

    /** A repository with a Dockerfile in {@code app/}: busybox on branch release, alpine on main. */
    Path repository() throws Exception {
        Path repo = dir.resolve("repo");
        try (Git git =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(repo.resolve("app"));
            Files.writeString(repo.resolve("app/Dockerfile"), "FROM busybox\n");
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("one")
                    .setSign(false)
                    .setAuthor("t", "t@example.com")
                    .call();
            git.branchCreate().setName("release").call();
            Files.writeString(repo.resolve("app/Dockerfile"), "FROM alpine\n");
            git.commit()
                    .setAll(true)
                    .setMessage("two")
                    .setSign(false)
                    .setAuthor("t", "t@example.com")
                    .call();
        }
        return repo;
    }

    static void assertRefused(SourceException e, String what) {
        assertTrue(e.getMessage().contains("egress " + what), e.getMessage());
        assertTrue(e.getMessage().contains("is not allowed by the installation's egress policy"), e.getMessage());
    }

    static byte[] tarGz(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(namesAndContents[i]);
                entry.setSize(content.length);
                entry.setMode(0755);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    String upload(RunFiles files, byte[] archive) throws IOException {
        String name = "0".repeat(32) + ".tar.gz";
        files.write(RunKeys.source(1, name), new ByteArrayInputStream(archive), 1 << 20);
        return RunKeys.SOURCE_DIR + name;
    }

    @Test
    void anUploadedArchiveIsExtractedWithItsModes() throws IOException {
        RunFiles files = files();
        Path context = prepare(files, upload(files, tarGz("Dockerfile", "FROM scratch\n", "bin/run.sh", "echo")));

        assertEquals("FROM scratch\n", Files.readString(context.resolve("Dockerfile")));
        assertTrue(Files.isExecutable(context.resolve("bin/run.sh")));
    }

    @Test
    void anArchiveWithAPathOutsideItsRootIsRefused() throws IOException {
        RunFiles files = files();
        String location = upload(files, tarGz("../../escaped", "x"));

        SourceException e = assertThrows(SourceException.class, () -> prepare(files, location));

        assertTrue(e.getMessage().contains("outside its root"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("escaped")));
    }

    @Test
    void noSourceIsAnEmptyContext() throws IOException {
        Path context = prepare(files(), "/dev/null");

        try (var list = Files.list(context)) {
            assertEquals(0, list.count());
        }
    }

    @Test
    void aGitRepositoryIsClonedOverHttpAtARefAndSubdirectory() throws Exception {
        try (Git repo = Git.open(repository().toFile());
                GitHttpServer server = GitHttpServer.serve(repo.getRepository())) {
            Path release = prepare(files(), server.url("127.0.0.1") + "#release:app");
            assertEquals("FROM busybox\n", Files.readString(release.resolve("Dockerfile")));
        }
    }

    @Test
    void aGitRepositoryOnARefusedAddressIsNotCloned() throws Exception {
        try (Git repo = Git.open(repository().toFile());
                GitHttpServer server = GitHttpServer.serve(repo.getRepository())) {
            SourceException e = assertThrows(
                    SourceException.class, () -> prepare(files(), server.url("127.0.0.1") + "#release", DEFAULT));
            assertRefused(e, "to 127.0.0.1");
            e = assertThrows(
                    SourceException.class, () -> prepare(files(), server.url("localhost") + "#release", DEFAULT));
            assertRefused(e, "to localhost (");
        }
    }

    @Test
    void gitUrlsThatAreNotHttpAreRefused() throws Exception {
        Path repo = repository();
        SourceException file = assertThrows(SourceException.class, () -> prepare(files(), repo.toUri() + "#release"));
        assertRefused(file, "over file:");
        SourceException git =
                assertThrows(SourceException.class, () -> prepare(files(), "git://127.0.0.1:9418/repo.git"));
        assertRefused(git, "over git:");
        SourceException ssh = assertThrows(SourceException.class, () -> prepare(files(), "ssh://git@127.0.0.1/r.git"));
        assertRefused(ssh, "over ssh:");
    }

    @Test
    void aMissingRefFailsWithItsName() throws Exception {
        try (Git repo = Git.open(repository().toFile());
                GitHttpServer server = GitHttpServer.serve(repo.getRepository())) {
            SourceException e =
                    assertThrows(SourceException.class, () -> prepare(files(), server.url("127.0.0.1") + "#nope"));
            assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        }
    }

    @Test
    void aTarballUrlIsDownloadedAndExtracted() throws Exception {
        byte[] archive = tarGz("Dockerfile", "FROM scratch\n");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ctx.tar.gz", exchange -> {
            exchange.sendResponseHeaders(200, archive.length);
            exchange.getResponseBody().write(archive);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();

            Path context = prepare(files(), base + "/ctx.tar.gz");
            SourceException missing = assertThrows(SourceException.class, () -> prepare(files(), base + "/none.tgz"));

            SourceException refused =
                    assertThrows(SourceException.class, () -> prepare(files(), base + "/ctx.tar.gz", DEFAULT));

            assertEquals("FROM scratch\n", Files.readString(context.resolve("Dockerfile")));
            assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
            assertRefused(refused, "to 127.0.0.1");
        } finally {
            server.stop(0);
        }
    }
}
