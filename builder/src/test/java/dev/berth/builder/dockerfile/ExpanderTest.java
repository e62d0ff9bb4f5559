package dev.berth.builder.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpanderTest {
    private static final Map<String, String> ENV =
            Map.of("APP", "shop", "UID", "1000", "PORTS", "80 443/tcp", "DIR", "/srv/my app", "STAGE", "build");
    private static final Expander EXPANDER = new Expander(Directives.defaults());

    private static Instruction parsed(String line) {
        return Dockerfile.parse("FROM scratch\n" + line, "Dockerfile")
                .stages()
                .getFirst()
                .instructions()
                .getFirst();
    }

    @Test
    void copyExpandsPathsFlagsAndUnquotedHeredocBodies() {
        Instruction.Copy copy = (Instruction.Copy)
                parsed("COPY --from=$STAGE --chown=${UID}:${UID} --chmod=${MODE:-644} --exclude=$APP.tmp"
                        + " /out/$APP \"${DIR}\" <<EOF <<'RAW' /opt/$APP/\n"
                        + "name=\"$APP\" cost=\\$5\nEOF\n$APP\nRAW\n");
        Instruction.Copy expanded = EXPANDER.expand(copy, ENV);
        assertEquals(List.of("/out/shop", "/srv/my app"), expanded.sources());
        assertEquals("/opt/shop/", expanded.destination());
        assertEquals(Optional.of("build"), expanded.from());
        assertEquals(Optional.of("1000:1000"), expanded.chown());
        assertEquals(Optional.of("644"), expanded.chmod());
        assertEquals(List.of("shop.tmp"), expanded.excludes());
        assertEquals("name=\"shop\" cost=$5\n", expanded.heredocs().get(0).content());
        assertEquals("$APP\n", expanded.heredocs().get(1).content());
        assertEquals(copy.location(), expanded.location());
        assertEquals(copy.original(), expanded.original());
    }

    @Test
    void envAndLabelExpandKeysAndValuesWithTheScopeBeforeTheInstruction() {
        Instruction.Env env =
                EXPANDER.expand((Instruction.Env) parsed("ENV APP=new OLD=$APP HOME=\"${DIR}\" ${APP}_HOME=/x"), ENV);
        assertEquals(
                List.of(
                        new KeyValue("APP", "new"),
                        new KeyValue("OLD", "shop"),
                        new KeyValue("HOME", "/srv/my app"),
                        new KeyValue("shop_HOME", "/x")),
                env.pairs());
        Instruction.Label label = EXPANDER.expand((Instruction.Label) parsed("LABEL name='$APP' \"v\"=\"$UID\""), ENV);
        assertEquals(List.of(new KeyValue("name", "$APP"), new KeyValue("v", "1000")), label.pairs());
    }

    @Test
    void exposeSplitsValuesIntoPorts() {
        Instruction.Expose expose = EXPANDER.expand((Instruction.Expose) parsed("EXPOSE $PORTS 8080"), ENV);
        assertEquals(List.of("80", "443/tcp", "8080"), expose.ports());
    }

    @Test
    void singleValuedInstructionsExpand() {
        assertEquals(
                "/srv/my app/shop",
                EXPANDER.expand((Instruction.Workdir) parsed("WORKDIR $DIR/$APP"), ENV)
                        .path());
        assertEquals(
                "1000:1000",
                EXPANDER.expand((Instruction.User) parsed("USER ${UID}:$UID"), ENV)
                        .user());
        assertEquals(
                "SIGTERM",
                EXPANDER.expand((Instruction.StopSignal) parsed("STOPSIGNAL ${SIG:-SIGTERM}"), ENV)
                        .signal());
        assertEquals(
                List.of("/data/shop"),
                EXPANDER.expand((Instruction.Volume) parsed("VOLUME [\"/data/$APP\"]"), ENV)
                        .paths());
        assertEquals(
                List.of(new ArgDeclaration("V", Optional.of("shop-1")), new ArgDeclaration("W", Optional.empty())),
                EXPANDER.expand((Instruction.Arg) parsed("ARG V=$APP-1 W"), ENV).declarations());
    }

    @Test
    void shellCommandsAndTriggersAreLeftAlone() {
        Instruction run = parsed("RUN echo $APP");
        assertSame(run, EXPANDER.expand(run, ENV));
        Instruction onbuild = parsed("ONBUILD WORKDIR $APP");
        assertSame(onbuild, EXPANDER.expand(onbuild, ENV));
    }

    @Test
    void fromExpandsWithTheGlobalScope() {
        Dockerfile dockerfile = Dockerfile.parse(
                "ARG TAG=3.20\nARG REGISTRY\nFROM --platform=$BUILDPLATFORM ${REGISTRY:-docker.io}/alpine:$TAG", "D");
        Instruction.From from = new Expander(dockerfile.directives())
                .expand(
                        dockerfile.stages().getFirst().from(),
                        dockerfile.globalScope(Map.of("BUILDPLATFORM", "linux/arm64")));
        assertEquals("docker.io/alpine:3.20", from.image());
        assertEquals(Optional.of("linux/arm64"), from.platform());
    }

    @Test
    void aFailedExpansionNamesTheInstructionsLine() {
        Instruction workdir = Dockerfile.parse("FROM a\n\nWORKDIR ${ROOT:?set ROOT}", "Dockerfile")
                .stages()
                .getFirst()
                .instructions()
                .getFirst();
        DockerfileException e = assertThrows(DockerfileException.class, () -> EXPANDER.expand(workdir, Map.of()));
        assertEquals("Dockerfile:3: ROOT: set ROOT", e.getMessage());
    }
}
