package dev.berth.builder.dockerfile;

import static dev.berth.builder.dockerfile.Corpus.arg;
import static dev.berth.builder.dockerfile.Corpus.exec;
import static dev.berth.builder.dockerfile.Corpus.pair;
import static dev.berth.builder.dockerfile.Corpus.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Real-world Dockerfile forms, each checked against the exact instructions it must parse to. */
class DockerfileCorpusTest {
    @Test
    void goMultiStageBuildWithGlobalArgsCacheMountsAndDistroless() {
        Corpus c = new Corpus("go-multistage.Dockerfile");
        Dockerfile dockerfile = c.parse();
        assertEquals(new Directives('\\', Optional.of("docker/dockerfile:1.7")), dockerfile.directives());
        assertEquals(
                List.of(
                        new Instruction.Arg(List.of(arg("GO_VERSION", "1.22")), c.at(2), "ARG GO_VERSION=1.22"),
                        new Instruction.Arg(
                                List.of(arg("BASE", "gcr.io/distroless/static-debian12")),
                                c.at(3),
                                "ARG BASE=gcr.io/distroless/static-debian12")),
                dockerfile.globalArgs());
        RunMount modules =
                new RunMount("type=cache,target=/go/pkg/mod", Map.of("type", "cache", "target", "/go/pkg/mod"));
        RunMount buildCache = new RunMount(
                "type=cache,target=/root/.cache/go-build", Map.of("type", "cache", "target", "/root/.cache/go-build"));
        String build = "CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ./cmd/app";
        Stage first = new Stage(
                0,
                Optional.of("build"),
                c.from(
                        "golang:${GO_VERSION}-alpine",
                        "build",
                        "$BUILDPLATFORM",
                        5,
                        "FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS Build"),
                List.of(
                        new Instruction.Workdir("/src", c.at(6), "WORKDIR /src"),
                        c.copy(List.of("go.mod", "go.sum"), "./", 7, "COPY go.mod go.sum ./"),
                        c.run(
                                "go mod download",
                                List.of(modules),
                                "RUN --mount=type=cache,target=/go/pkg/mod     go mod download",
                                8),
                        c.copy(List.of("."), ".", 10, "COPY . ."),
                        new Instruction.Arg(
                                List.of(arg("TARGETOS"), arg("TARGETARCH")), c.at(11), "ARG TARGETOS TARGETARCH"),
                        c.run(
                                build,
                                List.of(modules, buildCache),
                                "RUN --mount=type=cache,target=/go/pkg/mod"
                                        + " --mount=type=cache,target=/root/.cache/go-build     " + build,
                                12)));
        Stage second = new Stage(
                1,
                Optional.of("runtime"),
                c.from("${BASE}", "runtime", null, 15, "FROM ${BASE} AS runtime"),
                List.of(
                        c.copy(
                                List.of("/out/app"),
                                List.of(),
                                "/app",
                                "build",
                                "nonroot:nonroot",
                                null,
                                16,
                                "COPY --from=build --chown=nonroot:nonroot /out/app /app"),
                        new Instruction.User("nonroot:nonroot", c.at(17), "USER nonroot:nonroot"),
                        new Instruction.Expose(List.of("8080"), c.at(18), "EXPOSE 8080"),
                        new Instruction.Entrypoint(exec("/app"), c.at(19), "ENTRYPOINT [\"/app\"]")));
        assertEquals(List.of(first, second), dockerfile.stages());
        assertEquals(List.of(first, second), dockerfile.stagesFor(Optional.empty(), Map.of()));
        assertEquals(List.of(first), dockerfile.stagesFor(Optional.of("BUILD"), Map.of()));
        assertEquals(
                Map.of(
                        "GO_VERSION",
                        "1.21",
                        "BASE",
                        "gcr.io/distroless/static-debian12",
                        "BUILDPLATFORM",
                        "linux/amd64"),
                dockerfile.globalScope(Map.of("GO_VERSION", "1.21", "BUILDPLATFORM", "linux/amd64", "OTHER", "x")));
    }

    @Test
    void nodeBuildWithLowerCaseKeywordsLegacyEnvLabelsAndHealthcheck() {
        Corpus c = new Corpus("node.Dockerfile");
        Dockerfile dockerfile = c.parse();
        Stage deps = new Stage(
                0,
                Optional.of("deps"),
                c.from("node:20-bookworm-slim", "deps", null, 1, "from node:20-bookworm-slim as deps"),
                List.of(
                        new Instruction.Env(
                                List.of(pair("NODE_ENV", "production")), c.at(2), "env NODE_ENV production"),
                        new Instruction.Workdir("/usr/src/app", c.at(3), "workdir /usr/src/app"),
                        c.copy(
                                List.of("package.json", "package-lock.json*"),
                                "./",
                                4,
                                "COPY [\"package.json\", \"package-lock.json*\", \"./\"]"),
                        c.run(shell("npm ci --omit=dev"), 5, "Run npm ci --omit=dev")));
        Stage app = new Stage(
                1,
                Optional.empty(),
                c.from("node:20-bookworm-slim", null, null, 7, "FROM node:20-bookworm-slim"),
                List.of(
                        new Instruction.Label(
                                List.of(
                                        pair("org.opencontainers.image.title", "\"web shop\""),
                                        pair("org.opencontainers.image.version", "1.4.2"),
                                        pair("maintainer", "'ops team'")),
                                c.at(8),
                                "LABEL org.opencontainers.image.title=\"web shop\"       "
                                        + "org.opencontainers.image.version=1.4.2 maintainer='ops team'"),
                        new Instruction.Env(
                                List.of(
                                        pair("NODE_ENV", "production"),
                                        pair("PORT", "3000"),
                                        pair("HOME", "/home/node")),
                                c.at(10),
                                "ENV NODE_ENV=production PORT=3000     HOME=/home/node"),
                        new Instruction.Workdir("/usr/src/app", c.at(12), "WORKDIR /usr/src/app"),
                        c.copy(
                                List.of("/usr/src/app/node_modules"),
                                List.of(),
                                "./node_modules",
                                "deps",
                                null,
                                null,
                                13,
                                "COPY --from=deps /usr/src/app/node_modules ./node_modules"),
                        c.copy(List.of("."), List.of(), ".", null, "node:node", null, 14, "COPY --chown=node:node . ."),
                        new Instruction.User("node", c.at(15), "USER node"),
                        new Instruction.Expose(List.of("${PORT}", "9229/tcp"), c.at(16), "EXPOSE ${PORT} 9229/tcp"),
                        c.healthcheck(
                                shell("node healthcheck.js || exit 1"),
                                Duration.ofSeconds(30),
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(90),
                                null,
                                3,
                                17,
                                "HEALTHCHECK --interval=30s --timeout=5s --start-period=1m30s --retries=3"
                                        + "   CMD node healthcheck.js || exit 1"),
                        new Instruction.Cmd(exec("node", "server.js"), c.at(19), "CMD [ \"node\", \"server.js\" ]")));
        assertEquals(List.of(deps, app), dockerfile.stages());
        assertEquals(List.of(deps, app), dockerfile.stagesFor(Optional.empty(), Map.of()));
        assertEquals(Optional.of(deps), dockerfile.stage("DEPS"));
        assertEquals(Optional.of(app), dockerfile.stage("1"));
        assertEquals(Optional.of(app), dockerfile.stage(1));
        assertEquals(Optional.empty(), dockerfile.stage("2"));
    }

    @Test
    void pythonOnDebianWithLongContinuationsCommentsAndEmptyContinuationLines() {
        Corpus c = new Corpus("python-debian.Dockerfile");
        Stage stage = c.parse().stages().getFirst();
        String nine = " ".repeat(9);
        String five = " ".repeat(5);
        String packages = "set -eux;" + five + "apt-get update;" + five + "apt-get install -y --no-install-recommends"
                + nine + "build-essential" + nine + "libpq-dev" + nine + "curl" + nine + "ca-certificates"
                + five + ";" + five + "rm -rf /var/lib/apt/lists/*";
        assertEquals(
                List.of(
                        new Instruction.Shell(
                                List.of("/bin/bash", "-o", "pipefail", "-c"),
                                c.at(3),
                                "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]"),
                        c.run(shell(packages), 6, "RUN " + packages),
                        new Instruction.Env(
                                List.of(
                                        pair("PYTHONDONTWRITEBYTECODE", "1"),
                                        pair("PYTHONUNBUFFERED", "1"),
                                        pair("PIP_NO_CACHE_DIR", "\"off\""),
                                        pair("GREETING", "\"hello world\""),
                                        pair("ESCAPED", "a\\ b")),
                                c.at(18),
                                "ENV PYTHONDONTWRITEBYTECODE=1" + five + "PYTHONUNBUFFERED=1" + five
                                        + "PIP_NO_CACHE_DIR=\"off\"" + five + "GREETING=\"hello world\"" + five
                                        + "ESCAPED=a\\ b"),
                        c.copy(List.of("requirements.txt"), "/tmp/", 23, "COPY requirements.txt /tmp/"),
                        c.run(
                                shell("pip install -r /tmp/requirements.txt"),
                                24,
                                "RUN pip install -r /tmp/requirements.txt"),
                        new Instruction.Volume(
                                List.of("/data", "/var/log/app"), c.at(25), "VOLUME [\"/data\", \"/var/log/app\"]"),
                        new Instruction.Volume(
                                List.of("/cache", "/tmp/scratch"), c.at(26), "VOLUME /cache /tmp/scratch"),
                        new Instruction.StopSignal("SIGINT", c.at(27), "STOPSIGNAL SIGINT"),
                        new Instruction.Cmd(
                                shell("[ \"gunicorn\", \"app:wsgi\""), c.at(28), "CMD [ \"gunicorn\", \"app:wsgi\""),
                        new Instruction.Cmd(shell("[\"python\", 3]"), c.at(29), "CMD [\"python\", 3]"),
                        new Instruction.Entrypoint(
                                shell("exec python -m app"), c.at(30), "ENTRYPOINT exec python -m app")),
                stage.instructions());
    }

    @Test
    void alpineWithAddFromUrlsGitArchivesAndCopyFlags() {
        Corpus c = new Corpus("alpine-add.Dockerfile");
        String checksum = "sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d";
        String seven = " ".repeat(7);
        assertEquals(
                List.of(
                        c.run(
                                shell("apk add --no-cache" + seven + "bash" + seven + "git" + seven + "tini"),
                                2,
                                "RUN apk add --no-cache" + seven + "bash" + seven + "git" + seven + "tini"),
                        new Instruction.Add(
                                List.of("https://example.com/tool-1.2.tar.gz"),
                                List.of(),
                                "/opt/",
                                Optional.empty(),
                                Optional.empty(),
                                false,
                                List.of(),
                                Optional.of(checksum),
                                false,
                                Optional.empty(),
                                c.at(6),
                                "ADD --checksum=" + checksum + " https://example.com/tool-1.2.tar.gz /opt/"),
                        new Instruction.Add(
                                List.of("https://github.com/example/project.git#v1.0"),
                                List.of(),
                                "/src/project",
                                Optional.empty(),
                                Optional.empty(),
                                false,
                                List.of(),
                                Optional.empty(),
                                true,
                                Optional.empty(),
                                c.at(7),
                                "ADD --keep-git-dir=true https://github.com/example/project.git#v1.0 /src/project"),
                        c.add(List.of("vendor.tar.gz"), "/opt/vendor/", 8, "ADD vendor.tar.gz /opt/vendor/"),
                        new Instruction.Copy(
                                List.of("scripts/"),
                                List.of(),
                                "/usr/local/bin/",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("755"),
                                true,
                                false,
                                List.of("*.md", "tests/"),
                                c.at(9),
                                "COPY --link --chmod=755 --exclude=*.md --exclude=tests/ scripts/ /usr/local/bin/"),
                        new Instruction.Copy(
                                List.of("./src/*/config.yaml"),
                                List.of(),
                                "/etc/app/",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                false,
                                true,
                                List.of(),
                                c.at(10),
                                "COPY --parents ./src/*/config.yaml /etc/app/"),
                        new Instruction.Add(
                                List.of("rootfs"),
                                List.of(),
                                "/",
                                Optional.of("1000:1000"),
                                Optional.empty(),
                                false,
                                List.of(),
                                Optional.empty(),
                                false,
                                Optional.of(false),
                                c.at(11),
                                "ADD --chown=1000:1000 --link=false --unpack=false rootfs /")),
                c.parse().stages().getFirst().instructions());
    }

    @Test
    void heredocsForScriptsStdinSeveralOnOneLineQuotedAndInlineFiles() {
        Corpus c = new Corpus("heredocs.Dockerfile");
        assertEquals(
                List.of(
                        c.run(
                                "<<EOF",
                                List.of(new Heredoc(
                                        "EOF", "set -e\napt-get update\napt-get install -y curl\n", true, false)),
                                2,
                                "RUN <<EOF"),
                        c.run(
                                "<<-EOT bash",
                                List.of(new Heredoc(
                                        "EOT", "if true; then\necho \"indented with tabs\"\nfi\n", true, true)),
                                8,
                                "RUN <<-EOT bash"),
                        c.run(
                                "python3 <<\"PY\" > /tmp/out.txt",
                                List.of(new Heredoc("PY", "print(\"${not expanded}\")\n", false, false)),
                                14,
                                "RUN python3 <<\"PY\" > /tmp/out.txt"),
                        c.run(
                                "<<FILE1 cat > /file1 && <<FILE2 cat > /file2",
                                List.of(
                                        new Heredoc("FILE1", "I am\nfirst\n", true, false),
                                        new Heredoc("FILE2", "I am\nsecond\n", true, false)),
                                18,
                                "RUN <<FILE1 cat > /file1 && <<FILE2 cat > /file2"),
                        c.copy(
                                List.of(),
                                List.of(new Heredoc("EOF", "Welcome to $HOSTNAME\n", true, false)),
                                "/etc/motd",
                                null,
                                null,
                                "600",
                                26,
                                "COPY --chmod=600 <<EOF /etc/motd"),
                        c.copy(
                                List.of(),
                                List.of(
                                        new Heredoc("robots.txt", "User-agent: *\n", true, false),
                                        new Heredoc("humans.txt", "We are people.\n", true, false)),
                                "/usr/share/nginx/html/",
                                null,
                                null,
                                null,
                                30,
                                "COPY <<robots.txt <<humans.txt /usr/share/nginx/html/"),
                        c.run(
                                shell("echo \"<<NOT_A_HEREDOC\" && echo done"),
                                35,
                                "RUN echo \"<<NOT_A_HEREDOC\" && echo done")),
                c.parse().stages().getFirst().instructions());
    }

    @Test
    void windowsPathsWithTheBacktickEscapeDirective() {
        Corpus c = new Corpus("windows.Dockerfile");
        Dockerfile dockerfile = c.parse();
        assertEquals(new Directives('`', Optional.empty()), dockerfile.directives());
        assertEquals(
                List.of(
                        new Instruction.Shell(
                                List.of("powershell", "-Command", "$ErrorActionPreference = 'Stop';"),
                                c.at(4),
                                "SHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop';\"]"),
                        new Instruction.Workdir("C:\\app", c.at(5), "WORKDIR C:\\app"),
                        c.copy(List.of("app\\bin\\Release"), "C:\\app\\", 6, "COPY app\\bin\\Release C:\\app\\"),
                        new Instruction.Env(
                                List.of(pair("TOOLS", "C:\\tools\\bin")), c.at(7), "ENV TOOLS=C:\\tools\\bin"),
                        c.run(
                                shell(
                                        "New-Item -ItemType Directory -Path C:\\data ;     Write-Host 'created C:\\data'"),
                                8,
                                "RUN New-Item -ItemType Directory -Path C:\\data ;     Write-Host 'created C:\\data'"),
                        c.run(shell("echo a\\"), 10, "RUN echo a\\"),
                        new Instruction.Cmd(
                                exec("C:\\app\\server.exe", "--port", "8080"),
                                c.at(11),
                                "CMD [\"C:\\\\app\\\\server.exe\", \"--port\", \"8080\"]")),
                dockerfile.stages().getFirst().instructions());
        assertEquals("C:\\tools\\bin", Substitution.of(dockerfile.directives()).expand("C:\\tools\\bin", Map.of()));
    }

    @Test
    void onbuildTriggersMaintainerAndHealthcheckVariants() {
        Corpus c = new Corpus("onbuild.Dockerfile");
        Dockerfile dockerfile = c.parse();
        Stage base = new Stage(
                0,
                Optional.of("base"),
                c.from("ruby:3.3", "base", null, 1, "FROM ruby:3.3 AS base"),
                List.of(
                        new Instruction.Maintainer(
                                "Jane Doe <jane@example.com>", c.at(2), "MAINTAINER Jane Doe <jane@example.com>"),
                        new Instruction.Onbuild(
                                c.copy(
                                        List.of("Gemfile", "Gemfile.lock"),
                                        "/app/",
                                        3,
                                        "COPY Gemfile Gemfile.lock /app/"),
                                "COPY Gemfile Gemfile.lock /app/",
                                c.at(3),
                                "ONBUILD COPY Gemfile Gemfile.lock /app/"),
                        new Instruction.Onbuild(
                                c.run(shell("bundle install --jobs 4"), 4, "run bundle install --jobs 4"),
                                "run bundle install --jobs 4",
                                c.at(4),
                                "onbuild run bundle install --jobs 4"),
                        new Instruction.Onbuild(
                                new Instruction.Env(
                                        List.of(pair("RACK_ENV", "production")), c.at(5), "ENV RACK_ENV=production"),
                                "ENV RACK_ENV=production",
                                c.at(5),
                                "ONBUILD ENV RACK_ENV=production"),
                        new Instruction.Onbuild(
                                c.healthcheck(
                                        exec("curl", "-f", "http://localhost/"),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        6,
                                        "HEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]"),
                                "HEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]",
                                c.at(6),
                                "ONBUILD HEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]"),
                        c.healthcheck(null, null, null, null, null, null, 7, "HEALTHCHECK NONE")));
        Stage app = new Stage(
                1,
                Optional.empty(),
                c.from("base", null, null, 9, "FROM base"),
                List.of(
                        c.healthcheck(
                                exec("curl", "-f", "http://localhost:3000/up"),
                                Duration.ofHours(1),
                                null,
                                null,
                                Duration.ofMillis(500),
                                null,
                                10,
                                "HEALTHCHECK --start-interval=500ms --interval=1h"
                                        + " CMD [\"curl\", \"-f\", \"http://localhost:3000/up\"]"),
                        c.healthcheck(
                                shell("curl -f http://localhost/ || exit 1"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                11,
                                "HEALTHCHECK cmd curl -f http://localhost/ || exit 1")));
        assertEquals(List.of(base, app), dockerfile.stages());
        assertEquals(List.of(base, app), dockerfile.stagesFor(Optional.empty(), Map.of()));
        assertEquals("ONBUILD", base.instructions().get(1).keyword());
    }
}
