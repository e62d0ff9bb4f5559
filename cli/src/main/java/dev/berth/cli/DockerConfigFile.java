package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.config.PrivateFiles;
import dev.berth.cli.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A Docker client configuration file ({@code config.json}), which docker, podman, buildah, skopeo and Helm all read
 * credentials from. {@link #storeCredentials} sets one login server's entry under {@code auths} and keeps every
 * other entry and field as it was, {@code credHelpers} and {@code credsStore} included. The file is replaced
 * atomically: the new content goes to a temporary file beside it (mode 0600), is flushed to disk, and is renamed
 * over the old one, so a reader never sees half a file and the credentials are never readable by others. A
 * symbolic link is followed, so the link stays in place.
 */
final class DockerConfigFile {
    private static final String AUTHS = "auths";

    private final Path path;

    DockerConfigFile(Path path) {
        this.path = path;
    }

    /**
     * Where the configuration lives, as the Docker CLI looks for it: the file given, else {@code config.json} in
     * {@code $DOCKER_CONFIG}, else {@code ~/.docker/config.json}.
     */
    static DockerConfigFile locate(Path explicit, Map<String, String> env) {
        if (explicit != null) {
            return new DockerConfigFile(explicit);
        }
        String dockerConfig = env.get("DOCKER_CONFIG");
        if (dockerConfig != null && !dockerConfig.isEmpty()) {
            return new DockerConfigFile(Path.of(dockerConfig, "config.json"));
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return new DockerConfigFile(Path.of(home, ".docker", "config.json"));
    }

    Path path() {
        return path;
    }

    /** Fails unless the file is missing, blank, or a JSON object whose {@code auths} (if any) is an object. */
    void check() throws IOException {
        auths(read());
    }

    /**
     * Makes {@code auths[server]} exactly {@code {"auth": base64(username:secret)}}. The whole entry is replaced,
     * since a field left from an earlier login (an {@code identitytoken}, say) would win over the new credentials.
     *
     * @return the credential helper Docker would ask for this server instead of reading {@code auths}: its entry in
     *     {@code credHelpers}, else {@code credsStore}, if any (both are left as they are)
     */
    Optional<String> storeCredentials(LoginServer server, String username, String secret) throws IOException {
        ObjectNode config = read();
        String basic = Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
        auths(config).set(server.value(), Json.object().put("auth", basic));
        PrivateFiles.write(path, Json.print(config, "\t"));
        return credentialHelper(config, server);
    }

    private ObjectNode auths(ObjectNode config) throws IOException {
        JsonNode auths = config.path(AUTHS);
        if (auths.isMissingNode()) {
            return config.putObject(AUTHS);
        }
        if (!(auths instanceof ObjectNode object)) {
            throw new IOException("\"auths\" is not a JSON object, so the file was left alone");
        }
        return object;
    }

    private static Optional<String> credentialHelper(ObjectNode config, LoginServer server) {
        JsonNode helper = config.path("credHelpers").path(server.value());
        if (helper.isTextual() && !helper.asText().isEmpty()) {
            return Optional.of(helper.asText());
        }
        JsonNode store = config.path("credsStore");
        return store.isTextual() && !store.asText().isEmpty() ? Optional.of(store.asText()) : Optional.empty();
    }

    /** The configuration, or an empty one when the file is missing or blank. */
    private ObjectNode read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Json.object();
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return Json.object();
        }
        try {
            return Json.parseObject(bytes);
        } catch (IOException e) {
            throw new IOException("not a JSON object, so the file was left alone (" + e.getMessage() + ")", e);
        }
    }

    /** A message for a failure to read or write the file. */
    static String describe(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied (" + denied.getFile() + ")";
            case FileAlreadyExistsException exists -> "not a directory (" + exists.getFile() + ")";
            case FileSystemException fs when fs.getReason() != null -> fs.getReason() + " (" + fs.getFile() + ")";
            default -> e.getMessage();
        };
    }
}
