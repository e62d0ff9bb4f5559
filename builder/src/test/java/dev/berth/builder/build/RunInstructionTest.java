package dev.berth.builder.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.builder.runtime.NetworkMode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RUN: its forms, shells, heredocs, mounts, network, and the state (user, directory, env, args) it runs in. */
class RunInstructionTest {
    private static final BuildFixture fixture = BuildFixture.temporary();

    @Test
    void shellAndExecFormsBothRunAndLeaveTheirFiles() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox
                RUN echo shell $0 > /shell
                RUN ["/bin/sh", "-c", "echo exec > /exec"]
                """);
        assertEquals("shell /bin/sh\n", fixture.layer(result, -2).text("shell"));
        assertEquals("exec\n", fixture.layer(result, -1).text("exec"));
        assertEquals("shell /bin/sh\nexec\n", fixture.run(result, "cat", "/shell", "/exec"));
    }

    @Test
    void shellChangesTheShellOfLaterRuns() throws Exception {
        RecordingLog log = new RecordingLog();
        fixture.build(
                BuildRequest.of(fixture.context(
                        "FROM registry.test/busybox\nSHELL [\"/bin/sh\", \"-xc\"]\nRUN echo traced > /t\n", Map.of())),
                log);
        assertTrue(log.output().contains("+ echo traced"), log.output());
    }

    @Test
    void aHeredocAloneIsTheScript() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox
                RUN <<EOF
                echo one > /heredoc
                echo two >> /heredoc
                EOF
                """);
        assertEquals("one\ntwo\n", fixture.run(result, "cat", "/heredoc"));
    }

    @Test
    void aHeredocIsFedToItsCommand() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox
                ENV NAME=world
                RUN cat > /fed <<EOF
                hello $NAME
                EOF
                """);
        assertEquals("hello world\n", fixture.run(result, "cat", "/fed"));
    }

    @Test
    void aCacheMountPersistsBetweenBuildsAndStaysOutOfTheImage() throws Exception {
        BuildResult first = fixture.build("""
                FROM registry.test/busybox
                RUN --mount=type=cache,target=/var/cache/app echo kept > /var/cache/app/f && touch /first
                """);
        assertFalse(fixture.layer(first, -1).entries().keySet().stream().anyMatch(p -> p.startsWith("var")));
        BuildResult second = fixture.build("""
                FROM registry.test/busybox
                RUN --mount=type=cache,target=/var/cache/app cp /var/cache/app/f /seen
                """);
        assertEquals("kept\n", fixture.run(second, "cat", "/seen"));
        assertEquals("absent\n", fixture.run(second, "sh", "-c", "test -e /var/cache/app || echo absent"));
    }

    @Test
    void aTmpfsMountIsATmpfsAndLeavesNothing() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox
                RUN --mount=type=tmpfs,target=/scratch echo x > /scratch/f && grep "/scratch tmpfs" /proc/mounts > /m
                """);
        LayerContents layer = fixture.layer(result, -1);
        assertEquals(
                Set.of("m"), layer.entries().keySet(), layer.entries().keySet().toString());
    }

    @Test
    void bindMountsReadTheContextReadOnly() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox
                RUN --mount=type=bind,source=data,target=/mnt/data cat /mnt/data/file > /copied \\
                    && ! touch /mnt/data/new 2>/dev/null
                """, Map.of("data/file", "from the context\n"));
        assertEquals("from the context\n", fixture.run(result, "cat", "/copied"));
        assertFalse(fixture.layer(result, -1).has("mnt"));
    }

    @Test
    void bindMountsReadAnEarlierStage() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox AS tools
                RUN mkdir /tools && echo tool > /tools/t

                FROM registry.test/busybox
                RUN --mount=type=bind,from=tools,source=/tools,target=/t cat /t/t > /from-stage
                """);
        assertEquals("tool\n", fixture.run(result, "cat", "/from-stage"));
    }

    @Test
    void mountOptionsExpandArgs() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox
                ARG DIR=data
                RUN --mount=type=bind,source=$DIR,target=/mnt/$DIR cat /mnt/data/file > /copied
                """, Map.of("data/file", "expanded\n"));
        assertEquals("expanded\n", fixture.run(result, "cat", "/copied"));
    }

    @Test
    void theNetworkIsHostOnlyWhenARunAsksForIt() throws Exception {
        String interfaces = "cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' ' | sort";
        String dockerfile = "FROM registry.test/busybox\n"
                + "RUN " + interfaces + " > /default\n"
                + "RUN --network=host " + interfaces + " > /host\n";
        BuildException refused = assertThrows(BuildException.class, () -> fixture.build(dockerfile));
        assertTrue(refused.getMessage().startsWith("Dockerfile:3: ")
                && refused.getMessage().contains("network.host"));
        BuildResult result = fixture.build(
                BuildRequest.of(fixture.context(dockerfile, Map.of())).withHostNetworkAllowed(true));
        assertEquals("lo\n", fixture.run(result, "cat", "/default"));
        assertTrue(fixture.run(result, "cat", "/host").lines().count() > 1);
    }

    @Test
    void theRequestsNetworkIsTheDefault() throws Exception {
        BuildResult result = fixture.build(BuildRequest.of(
                        fixture.context("FROM registry.test/busybox\nRUN wc -l < /proc/net/dev > /lines\n", Map.of()))
                .withNetwork(NetworkMode.HOST));
        assertTrue(Integer.parseInt(fixture.run(result, "cat", "/lines").trim()) > 3);
    }

    @Test
    void aDeletedBaseFileIsAWhiteoutInTheLayer() throws Exception {
        BuildResult result = fixture.build("FROM registry.test/busybox\nRUN rm /etc/group\n");
        assertTrue(
                fixture.layer(result, -1).has("etc/.wh.group"),
                fixture.layer(result, -1).entries().toString());
        assertEquals("gone\n", fixture.run(result, "sh", "-c", "test -e /etc/group || echo gone"));
    }

    @Test
    void aDeletedDirectoryOfAnEarlierLayerIsOneWhiteout() throws Exception {
        BuildResult result =
                fixture.build("FROM registry.test/busybox\nRUN mkdir -p /d/e && touch /d/e/f\nRUN rm -rf /d\n");
        assertEquals(Set.of(".wh.d"), fixture.layer(result, -1).entries().keySet());
        assertEquals("gone\n", fixture.run(result, "sh", "-c", "test -e /d || echo gone"));
    }

    @Test
    void cacheMountsWithTheSameIdShareADirectory() throws Exception {
        fixture.build("FROM registry.test/busybox\nRUN --mount=type=cache,id=shared,target=/c1 echo s > /c1/f\n");
        BuildResult result =
                fixture.build("FROM registry.test/busybox\nRUN --mount=type=cache,id=shared,target=/c2 cp /c2/f /f\n");
        assertEquals("s\n", fixture.run(result, "cat", "/f"));
    }

    @Test
    void anEnvHidesTheArgOfTheSameName() throws Exception {
        BuildResult result = fixture.build("FROM registry.test/busybox\nARG X=arg\nENV X=env\nRUN echo $X > /x\n");
        assertEquals("env\n", fixture.run(result, "cat", "/x"));
    }

    @Test
    void aModeChangeIsAnEntryWithTheNewMode() throws Exception {
        BuildResult result = fixture.build("FROM registry.test/busybox\nRUN chmod 600 /etc/group\n");
        assertEquals(
                Set.of("etc", "etc/group"), fixture.layer(result, -1).entries().keySet());
        assertEquals("0600", fixture.layer(result, -1).mode("etc/group"));
    }

    @Test
    void userWorkdirAndEnvAreInEffect() throws Exception {
        BuildResult result = fixture.build("""
                FROM registry.test/busybox
                ENV GREETING=hi
                WORKDIR /work
                USER nobody
                RUN echo "$(id -u):$(id -g) $(pwd) $GREETING" > /tmp/facts
                """);
        assertEquals("65534:65534 /work hi\n", fixture.run(result, "cat", "/tmp/facts"));
        assertEquals(65534, fixture.layer(result, -1).entry("tmp/facts").getLongUserId());
    }

    @Test
    void buildArgsReachRunButNotTheConfig() throws Exception {
        BuildResult result = fixture.build(BuildRequest.of(fixture.context(
                        "FROM registry.test/busybox\nARG FLAVOUR\nARG SIZE=small\nRUN echo $FLAVOUR $SIZE > /args\n",
                        Map.of()))
                .withBuildArgs(Map.of("FLAVOUR", "mint"), Set.of()));
        assertEquals("mint small\n", fixture.run(result, "cat", "/args"));
        assertEquals("[\"PATH=/bin\"]", fixture.config(result).at("/config/Env").toString());
    }
}
