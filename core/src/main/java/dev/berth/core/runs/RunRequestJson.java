package dev.berth.core.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A run request in ACR's JSON: {@code DockerBuildRequest} for a quick build; for a quick run, Berth's {@code
 * CmdRunRequest} ({@code cmd}) or ACR's {@code EncodedTaskRunRequest} ({@code encodedTaskContent}, base64 task
 * YAML). The same form is stored, secrets included, and shown back with secrets masked.
 */
public final class RunRequestJson {
    public static final String BUILD = "DockerBuildRequest";
    public static final String CMD = "CmdRunRequest";
    public static final String ENCODED = "EncodedTaskRunRequest";
    private static final String OPAQUE = "Opaque";

    private RunRequestJson() {}

    /** Reads a request; a mistake refuses with {@code INVALID_REQUEST} and says what is wrong. */
    public static RunRequest read(JsonNode body) {
        String type = body.path("type").asText("");
        RunType runType =
                switch (type) {
                    case BUILD -> RunType.QUICK_BUILD;
                    case CMD, ENCODED -> RunType.QUICK_RUN;
                    default ->
                        throw invalid("type is " + BUILD + ", " + CMD + " or " + ENCODED + ", not '" + type + "'");
                };
        return new RunRequest(
                runType,
                texts(body.path("imageNames")),
                body.path("isPushEnabled").asBoolean(true),
                body.path("noCache").asBoolean(false),
                body.path("dockerFilePath").asText(runType == RunType.QUICK_BUILD ? "Dockerfile" : ""),
                body.path("target").asText(""),
                arguments(body.path("arguments")),
                platform(body.path("platform")),
                body.path("sourceLocation").asText(""),
                Duration.ofSeconds(body.path("timeout").asLong(RunRequest.DEFAULT_TIMEOUT.toSeconds())),
                body.path("cmd").asText(""),
                body.path("encodedTaskContent").asText(""),
                credentials(body.path("credentials").path("customRegistries")));
    }

    /** Writes a request in the form it is read in. */
    public static ObjectNode write(RunRequest request) {
        ObjectNode node = Json.object();
        node.put("type", typeName(request));
        if (request.type() == RunType.QUICK_BUILD) {
            ArrayNode names = node.putArray("imageNames");
            request.imageNames().forEach(names::add);
            node.put("isPushEnabled", request.pushEnabled());
            node.put("noCache", request.noCache());
            node.put("dockerFilePath", request.dockerFilePath());
            node.put("target", request.target());
            ArrayNode arguments = node.putArray("arguments");
            request.arguments().forEach(a -> arguments
                    .addObject()
                    .put("name", a.name())
                    .put("value", a.value())
                    .put("isSecret", a.secret()));
        } else if (request.encodedTask().isEmpty()) {
            node.put("cmd", request.cmd());
        } else {
            node.put("encodedTaskContent", request.encodedTask());
        }
        if (!request.credentials().isEmpty()) {
            ObjectNode registries = node.putObject("credentials").putObject("customRegistries");
            for (RegistryCredential credential : request.credentials()) {
                ObjectNode entry = registries.putObject(credential.loginServer());
                entry.putObject("userName").put("type", OPAQUE).put("value", credential.username());
                entry.putObject("password").put("type", OPAQUE).put("value", credential.password());
            }
        }
        node.set("platform", platform(request.platform()));
        node.put("sourceLocation", request.sourceLocation());
        node.put("timeout", request.timeout().toSeconds());
        return node;
    }

    public static ObjectNode platform(Platform platform) {
        ObjectNode node = Json.object();
        node.put("os", platform.os());
        node.put("architecture", platform.architecture());
        if (!platform.variant().isEmpty()) {
            node.put("variant", platform.variant());
        }
        return node;
    }

    private static String typeName(RunRequest request) {
        if (request.type() == RunType.QUICK_BUILD) {
            return BUILD;
        }
        return request.encodedTask().isEmpty() ? CMD : ENCODED;
    }

    private static Platform platform(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Platform.DEFAULT;
        }
        return new Platform(
                node.path("os").asText("linux").toLowerCase(java.util.Locale.ROOT),
                node.path("architecture").asText("amd64").toLowerCase(java.util.Locale.ROOT),
                node.path("variant").asText(""));
    }

    private static List<RunArgument> arguments(JsonNode node) {
        List<RunArgument> arguments = new ArrayList<>();
        for (JsonNode argument : node) {
            String name = argument.path("name").asText("");
            if (name.isEmpty()) {
                throw invalid("every argument needs a name");
            }
            arguments.add(new RunArgument(
                    name,
                    argument.path("value").asText(""),
                    argument.path("isSecret").asBoolean(false)));
        }
        return arguments;
    }

    /**
     * ACR's {@code credentials.customRegistries}: {@code {"host": {"userName": {"type": "Opaque", "value": "u"},
     * "password": {"type": "Opaque", "value": "p"}}}}. Key Vault secrets ({@code Vaultsecret}) need a secret store
     * Berth does not have, so they are refused.
     */
    private static List<RegistryCredential> credentials(JsonNode registries) {
        List<RegistryCredential> credentials = new ArrayList<>();
        for (var entry : registries.properties()) {
            credentials.add(new RegistryCredential(
                    entry.getKey(),
                    opaque(entry.getValue().path("userName"), entry.getKey()),
                    opaque(entry.getValue().path("password"), entry.getKey())));
        }
        return credentials;
    }

    private static String opaque(JsonNode secret, String loginServer) {
        String type = secret.path("type").asText(OPAQUE);
        if (!type.equalsIgnoreCase(OPAQUE)) {
            throw invalid("the credential for " + loginServer + " is of type " + type + "; only Opaque is supported");
        }
        return secret.path("value").asText("");
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        for (JsonNode text : node) {
            if (!text.isTextual() || text.asText().isBlank()) {
                throw invalid("imageNames holds non-empty strings");
            }
            texts.add(text.asText());
        }
        return texts;
    }

    private static RegistryException invalid(String message) {
        return new RegistryException(ErrorCode.INVALID_REQUEST, message);
    }
}
