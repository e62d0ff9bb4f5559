package dev.berth.core.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.RegistryException;
import dev.berth.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRequestJsonTest {
    private static RunRequest read(String json) {
        return RunRequestJson.read(Json.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDockerBuildRequestIsReadWithAcrsDefaults() {
        RunRequest request = read("""
                {"type": "DockerBuildRequest", "imageNames": ["app:1"], "sourceLocation": "source/x.tar.gz",
                 "arguments": [{"name": "A", "value": "1"}, {"name": "S", "value": "s3cret", "isSecret": true}],
                 "platform": {"os": "Linux", "architecture": "ARM64", "variant": "v8"}}""");

        assertEquals(RunType.QUICK_BUILD, request.type());
        assertTrue(request.pushEnabled());
        assertEquals("Dockerfile", request.dockerFilePath());
        assertEquals(new Platform("linux", "arm64", "v8"), request.platform());
        assertEquals(Duration.ofSeconds(3600), request.timeout());
        assertEquals(
                List.of(new RunArgument("A", "1", false), new RunArgument("S", "s3cret", true)), request.arguments());
    }

    @Test
    void aWrittenRequestReadsBackTheSameAndShowsNoSecret() {
        RunRequest request = read("""
                {"type": "DockerBuildRequest", "imageNames": ["app:1"], "noCache": true, "target": "final",
                 "arguments": [{"name": "S", "value": "s3cret", "isSecret": true}], "timeout": 60}""");

        assertEquals(request, RunRequestJson.read(RunRequestJson.write(request)));
        assertEquals(
                "*****",
                RunRequestJson.write(request.shown()).at("/arguments/0/value").asText());
    }

    @Test
    void quickRunsComeAsACommandOrAnEncodedTask() {
        RunRequest cmd = read("{\"type\": \"CmdRunRequest\", \"cmd\": \"busybox echo hi\"}");
        RunRequest encoded = read("{\"type\": \"EncodedTaskRunRequest\", \"encodedTaskContent\": \"c3RlcHM6\"}");

        assertEquals(RunType.QUICK_RUN, cmd.type());
        assertEquals("busybox echo hi", cmd.cmd());
        assertEquals("c3RlcHM6", encoded.encodedTask());
        assertEquals(encoded, RunRequestJson.read(RunRequestJson.write(encoded)));
    }

    @Test
    void customRegistryCredentialsAreReadInAcrsShapeAndNeverShown() {
        RunRequest request = read("""
                {"type": "DockerBuildRequest", "imageNames": ["app:1"],
                 "credentials": {"customRegistries": {"Mirror.Example:5000": {
                     "userName": {"type": "Opaque", "value": "puller"},
                     "password": {"type": "Opaque", "value": "pull-secret"}}}}}""");

        assertEquals(
                List.of(new RegistryCredential("mirror.example:5000", "puller", "pull-secret")), request.credentials());
        assertEquals(request, RunRequestJson.read(RunRequestJson.write(request)));
        String shown = RunRequestJson.write(request.shown()).toString();
        assertTrue(shown.contains("puller") && !shown.contains("pull-secret"), shown);
        assertThrows(RegistryException.class, () -> read("""
                        {"type": "DockerBuildRequest", "credentials": {"customRegistries": {"r.example": {
                            "userName": {"type": "Vaultsecret", "value": "https://vault/u"},
                            "password": {"type": "Vaultsecret", "value": "https://vault/p"}}}}}"""));
    }

    @Test
    void anUnknownTypeOrANamelessArgumentIsRefused() {
        assertThrows(RegistryException.class, () -> read("{\"type\": \"FileTaskRunRequest\"}"));
        assertThrows(
                RegistryException.class,
                () -> read("{\"type\": \"DockerBuildRequest\", \"arguments\": [{\"value\": \"1\"}]}"));
    }
}
