package dev.berth.builder.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

/** COPY and ADD: what they take from where, where it lands, and with which owner and mode. */
class CopyAddTest {
    private static final Map<String, String> FILES = Map.of(
            "a.txt", "a\n",
            "b.txt", "b\n",
            "c.md", "c\n",
            "dir/g", "g\n",
            "dir/sub/f", "f\n");

    private static final BuildFixture fixture = BuildFixture.temporary();

    @Test
    void globsMatchWithinASegment() throws Exception {
        LayerContents layer = copyLayer("COPY *.txt /globbed/");
        assertTrue(
                layer.has("globbed/a.txt") && layer.has("globbed/b.txt"),
                layer.entries().keySet().toString());
        assertFalse(layer.has("globbed/c.md"));
    }

    @Test
    void aDirectoryCopiesItsContents() throws Exception {
        LayerContents layer = copyLayer("COPY dir /d");
        assertEquals("f\n", layer.text("d/sub/f"));
        assertEquals("g\n", layer.text("d/g"));
        assertFalse(layer.has("d/dir"));
    }

    @Test
    void aTrailingSlashOrAnExistingDirectoryTakesTheFileByName() throws Exception {
        assertEquals("a\n", copyLayer("COPY a.txt /newdir/").text("newdir/a.txt"));
        assertTrue(copyLayer("COPY a.txt /newfile").entry("newfile").isFile());
        assertEquals("a\n", copyLayer("COPY a.txt /etc").text("etc/a.txt"));
    }

    @Test
    void relativeDestinationsAreUnderTheWorkdir() throws Exception {
        BuildResult result =
                fixture.build("FROM registry.test/busybox\nWORKDIR /app\nCOPY a.txt rel/\nCOPY b.txt .\n", FILES);
        assertEquals("a\n", fixture.layer(result, -2).text("app/rel/a.txt"));
        assertEquals("b\n", fixture.run(result, "cat", "/app/b.txt"));
    }

    @Test
    void chownTakesNamesAndNumbers() throws Exception {
        TarArchiveEntry byName =
                copyLayer("COPY --chown=nobody:nobody a.txt /n").entry("n");
        assertEquals(65534, byName.getLongUserId());
        assertEquals(65534, byName.getLongGroupId());
        TarArchiveEntry byNumber = copyLayer("COPY --chown=1000:2000 dir /d").entry("d/sub/f");
        assertEquals(1000, byNumber.getLongUserId());
        assertEquals(2000, byNumber.getLongGroupId());
    }

    @Test
    void chmodSetsTheModeOfEverythingCopied() throws Exception {
        BuildResult result = fixture.build("FROM registry.test/busybox\nCOPY --chmod=0750 a.txt /x\n", FILES);
        assertEquals("0750", fixture.layer(result, -1).mode("x"));
        assertEquals("yes\n", fixture.run(result, "sh", "-c", "test -x /x && echo yes"));
    }

    @Test
    void dockerignoreHidesFilesAndBangBringsThemBack() throws Exception {
        BuildResult result = fixture.build(
                "FROM registry.test/busybox\nCOPY . /ctx/\n",
                Map.of(".dockerignore", "*.log\n!keep.log\n", "a.log", "a", "keep.log", "keep", "x.txt", "x"));
        LayerContents layer = fixture.layer(result, -1);
        assertTrue(
                layer.has("ctx/keep.log") && layer.has("ctx/x.txt"),
                layer.entries().keySet().toString());
        assertFalse(layer.has("ctx/a.log"));
    }

    @Test
    void copyFromAStageAndFromAnImage() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox AS build
                RUN echo built > /artifact

                FROM scratch
                COPY --from=build /artifact /artifact
                COPY --from=registry.test/busybox /bin/busybox /bin/busybox
                """);
        assertEquals("built\n", fixture.run(result, "/bin/busybox", "cat", "/artifact"));
    }

    @Test
    void symlinksInTheContextStayLinks() throws Exception {
        Path context = fixture.context("FROM registry.test/busybox\nCOPY dir /d\n", FILES);
        Files.createSymbolicLink(context.resolve("dir/link"), Path.of("g"));
        BuildResult result = fixture.build(BuildRequest.of(context));
        TarArchiveEntry link = fixture.layer(result, -1).entry("d/link");
        assertTrue(link.isSymbolicLink());
        assertEquals("g", link.getLinkName());
        assertEquals("g\n", fixture.run(result, "cat", "/d/link"));
    }

    @Test
    void sourcesOutsideTheContextAreRefused() throws Exception {
        BuildException failure = assertThrows(
                BuildException.class, () -> fixture.build("FROM registry.test/busybox\nCOPY ../secret /x\n", FILES));
        assertTrue(failure.getMessage().startsWith("Dockerfile:2: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("outside the build context"), failure.getMessage());
    }

    @Test
    void addExtractsALocalArchiveKeepingItsOwners() throws Exception {
        Path context = fixture.context("FROM registry.test/busybox\nADD pkg.tar.gz /opt/\n", Map.of());
        writeArchive(context.resolve("pkg.tar.gz"));
        BuildResult result = fixture.build(BuildRequest.of(context));
        TarArchiveEntry tool = fixture.layer(result, -1).entry("opt/pkg/tool");
        assertEquals(123, tool.getLongUserId());
        assertEquals(456, tool.getLongGroupId());
        assertEquals("0750", fixture.layer(result, -1).mode("opt/pkg/tool"));
        assertEquals("tool\n", fixture.run(result, "cat", "/opt/pkg/tool"));
    }

    @Test
    void addDownloadsAUrlWithMode0600AndOnlyWhereTheEgressPolicyAllows() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/files/remote.txt", exchange -> {
            byte[] body = "remote\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String refused = "http://127.0.0.1:" + server.getAddress().getPort() + "/files/remote.txt";
            BuildException local = assertThrows(
                    BuildException.class,
                    () -> fixture.build(BuildRequest.of(fixture.context(
                                    "FROM registry.test/busybox\nADD " + refused + " /downloads/\n", Map.of()))
                            .withHostNetworkAllowed(true)));
            assertTrue(
                    local.getMessage()
                            .contains("egress to 127.0.0.1 is not allowed by the installation's egress policy"),
                    local.getMessage());
            String url = "http://localhost:" + server.getAddress().getPort() + "/files/remote.txt";
            String dockerfile = "FROM registry.test/busybox\nADD " + url + " /downloads/\n";
            BuildResult result = fixture.build(dockerfile);
            assertEquals("0600", fixture.layer(result, -1).mode("downloads/remote.txt"));
            assertEquals("remote\n", fixture.run(result, "cat", "/downloads/remote.txt"));
            BuildException missing = assertThrows(
                    BuildException.class,
                    () -> fixture.build(BuildRequest.of(fixture.context(
                            "FROM registry.test/busybox\nADD " + url.replace("/files/", "/nothing/") + " /x\n",
                            Map.of()))));
            assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aHeredocBecomesAFileAtTheDestination() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox
                ENV WHO=world
                COPY <<EOF /etc/motd
                hello $WHO
                EOF
                COPY <<one <<two /docs/
                first
                one
                second
                two
                """);
        assertEquals("hello world\n", fixture.layer(result, -2).text("etc/motd"));
        assertEquals("first\n", fixture.layer(result, -1).text("docs/one"));
        assertEquals("second\n", fixture.run(result, "cat", "/docs/two"));
    }

    @Test
    void chownOfAUserAloneTakesItsGroup() throws Exception {
        TarArchiveEntry entry = copyLayer("COPY --chown=nobody a.txt /n").entry("n");
        assertEquals(65534, entry.getLongUserId());
        assertEquals(65534, entry.getLongGroupId());
    }

    @Test
    void aNamedSymlinkIsFollowed() throws Exception {
        Path context = fixture.context("FROM registry.test/busybox\nCOPY link /l\n", FILES);
        Files.createSymbolicLink(context.resolve("link"), Path.of("a.txt"));
        assertEquals(
                "a\n",
                fixture.layer(fixture.build(BuildRequest.of(context)), -1).text("l"));
    }

    @Test
    void aReincludedFileInAnIgnoredDirectoryIsCopied() throws Exception {
        BuildResult result = fixture.build(
                "FROM registry.test/busybox\nCOPY dir /x/\n",
                Map.of(".dockerignore", "dir/sub\n!dir/sub/keep\n", "dir/sub/keep", "k", "dir/sub/drop", "d"));
        LayerContents layer = fixture.layer(result, -1);
        assertTrue(layer.has("x/sub/keep"), layer.entries().keySet().toString());
        assertFalse(layer.has("x/sub/drop"));
    }

    @Test
    void globbedDirectoriesCopyTheirContents() throws Exception {
        LayerContents layer = copyLayer("COPY di* /x/");
        assertTrue(
                layer.has("x/g") && layer.has("x/sub/f"),
                layer.entries().keySet().toString());
    }

    @Test
    void chmodAppliesToCopiedDirectoriesToo() throws Exception {
        LayerContents layer = copyLayer("COPY --chmod=700 dir /x");
        assertEquals("0700", layer.mode("x/sub"));
        assertEquals("0700", layer.mode("x/sub/f"));
    }

    @Test
    void aDestinationThroughASymlinkLandsInItsTarget() throws Exception {
        BuildResult result = fixture.build(
                "FROM registry.test/busybox\nRUN mkdir /real && ln -s /real /link\nCOPY a.txt /link/\n", FILES);
        assertEquals("a\n", fixture.run(result, "cat", "/real/a.txt"));
    }

    @Test
    void aQuotedHeredocIsNotExpanded() throws Exception {
        BuildResult result = fixture.build("FROM registry.test/busybox\nENV HOME=/root\nCOPY <<'EOF' /x\n$HOME\nEOF\n");
        assertEquals("$HOME\n", fixture.layer(result, -1).text("x"));
    }

    @Test
    void dockerignoreMayHideTheDockerfileItself() throws Exception {
        BuildResult result = fixture.build(
                "FROM registry.test/busybox\nCOPY . /c/\n",
                Map.of(".dockerignore", "Dockerfile\n.dockerignore\n", "a.txt", "a"));
        assertEquals(Set.of("c", "c/a.txt"), fixture.layer(result, -1).entries().keySet());
    }

    @Test
    void sourcesLandingOnOnePathMergeAndTheLastWins() throws Exception {
        BuildResult result = fixture.build(
                "FROM registry.test/busybox\nCOPY one two /x/\nCOPY */sub/f /y/\n",
                Map.of("one/sub/a", "a", "one/sub/f", "1", "two/sub/b", "b", "two/sub/f", "2"));
        assertEquals("ab2", fixture.run(result, "cat", "/x/sub/a", "/x/sub/b", "/x/sub/f"));
        assertEquals("2", fixture.layer(result, -1).text("y/f"));
    }

    @Test
    void addOfAnArchiveWithChownOwnsEverythingByIt() throws Exception {
        Path context = fixture.context("FROM registry.test/busybox\nADD --chown=7:8 pkg.tar.gz /x\n", Map.of());
        writeArchive(context.resolve("pkg.tar.gz"));
        TarArchiveEntry tool =
                fixture.layer(fixture.build(BuildRequest.of(context)), -1).entry("x/pkg/tool");
        assertEquals(7, tool.getLongUserId());
        assertEquals(8, tool.getLongGroupId());
    }

    private static LayerContents copyLayer(String copy) throws Exception {
        return fixture.layer(fixture.build("FROM registry.test/busybox\n" + copy + "\n", FILES), -1);
    }

    private static void writeArchive(Path file) throws IOException {
        byte[] content = "tool\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            TarArchiveEntry directory = new TarArchiveEntry("pkg/");
            directory.setIds(123, 456);
            tar.putArchiveEntry(directory);
            tar.closeArchiveEntry();
            TarArchiveEntry tool = new TarArchiveEntry("pkg/tool");
            tool.setIds(123, 456);
            tool.setMode(0100750);
            tool.setSize(content.length);
            tar.putArchiveEntry(tool);
            tar.write(content);
            tar.closeArchiveEntry();
        }
    }
}
