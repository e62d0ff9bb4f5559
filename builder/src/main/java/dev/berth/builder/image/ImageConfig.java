package dev.berth.builder.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OCI image config, read from a base image or started empty, changed step by step, and written out. It keeps
 * every field it does not know as it came, so a base image's extra fields survive the build. The run-time part
 * ({@code config}) uses the Docker field names the OCI spec took over ({@code Env}, {@code Cmd}, ...).
 */
public final class ImageConfig {
    private final ObjectNode root;

    private ImageConfig(ObjectNode root) {
        this.root = root;
        root.withObject("/config");
        root.withObject("/rootfs").put("type", "layers");
        root.withArray("/rootfs/diff_ids");
        root.withArray("/history");
    }

    /** The config of {@code FROM scratch}. */
    public static ImageConfig empty(Platform platform) {
        ImageConfig config = new ImageConfig(Json.object());
        config.root.put("architecture", platform.architecture());
        config.root.put("os", platform.os());
        if (!platform.variant().isEmpty()) {
            config.root.put("variant", platform.variant());
        }
        return config;
    }

    public static ImageConfig parse(byte[] content) {
        JsonNode node = Json.parse(content);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("an image config must be a JSON object");
        }
        return new ImageConfig(object);
    }

    public ImageConfig copy() {
        return new ImageConfig(root.deepCopy());
    }

    public byte[] toBytes() {
        return Json.write(root);
    }

    public Platform platform() {
        return new Platform(
                text("/os").orElse("linux"),
                text("/architecture").orElse("amd64"),
                text("/variant").orElse(""));
    }

    // --- run-time settings -------------------------------------------------------------------------------------

    /** {@code Env} as ordered {@code NAME -> value}. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : strings("/config/Env").orElse(List.of())) {
            int eq = entry.indexOf('=');
            env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        return env;
    }

    public void setEnv(String name, String value) {
        Map<String, String> env = env();
        env.put(name, value);
        ArrayNode array = settings().putArray("Env");
        env.forEach((k, v) -> array.add(k + "=" + v));
    }

    public Optional<String> user() {
        return text("/config/User").filter(u -> !u.isEmpty());
    }

    public void setUser(String user) {
        settings().put("User", user);
    }

    public Optional<String> workingDir() {
        return text("/config/WorkingDir").filter(w -> !w.isEmpty());
    }

    public void setWorkingDir(String dir) {
        settings().put("WorkingDir", dir);
    }

    public Optional<List<String>> cmd() {
        return strings("/config/Cmd");
    }

    public void setCmd(List<String> cmd) {
        putStrings("Cmd", cmd);
    }

    public Optional<List<String>> entrypoint() {
        return strings("/config/Entrypoint");
    }

    /** Sets the entrypoint; as Docker does, a new ENTRYPOINT drops a CMD inherited from the base image. */
    public void setEntrypoint(List<String> entrypoint, boolean dropInheritedCmd) {
        putStrings("Entrypoint", entrypoint);
        if (dropInheritedCmd) {
            settings().remove("Cmd");
        }
    }

    public Optional<List<String>> shell() {
        return strings("/config/Shell");
    }

    public void setShell(List<String> shell) {
        putStrings("Shell", shell);
    }

    public void putLabel(String name, String value) {
        settings().withObject("/Labels").put(name, value);
    }

    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        root.at("/config/Labels")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    public void exposePort(String port) {
        settings().withObject("/ExposedPorts").putObject(port);
    }

    public void addVolume(String path) {
        settings().withObject("/Volumes").putObject(path);
    }

    public void setStopSignal(String signal) {
        settings().put("StopSignal", signal);
    }

    /** Sets {@code Healthcheck} from its Docker fields ({@code Test}, {@code Interval} in ns, ...). */
    public void setHealthcheck(Map<String, Object> healthcheck) {
        settings().set("Healthcheck", Json.convert(healthcheck, ObjectNode.class));
    }

    public List<String> onBuild() {
        return strings("/config/OnBuild").orElse(List.of());
    }

    public void addOnBuild(String trigger) {
        settings().withArray("/OnBuild").add(trigger);
    }

    /** Clears the triggers inherited from the base image once they ran, as Docker does. */
    public void clearOnBuild() {
        settings().remove("OnBuild");
    }

    // --- layers and history ------------------------------------------------------------------------------------

    public List<Digest> diffIds() {
        List<Digest> ids = new ArrayList<>();
        root.at("/rootfs/diff_ids").forEach(id -> ids.add(Digest.parse(id.asText())));
        return ids;
    }

    /** Appends a layer's diff id and its history entry. */
    public void addLayer(Digest diffId, String createdBy, Instant created) {
        root.withArray("/rootfs/diff_ids").add(diffId.toString());
        addHistory(createdBy, created, false);
    }

    /** Appends a history entry for a step that changed only the config. */
    public void addHistory(String createdBy, Instant created, boolean emptyLayer) {
        ObjectNode entry = root.withArray("/history").addObject();
        entry.put("created", created.toString());
        entry.put("created_by", createdBy);
        entry.put("comment", "berth");
        if (emptyLayer) {
            entry.put("empty_layer", true);
        }
    }

    public void setAuthor(String author) {
        root.put("author", author);
    }

    public void setCreated(Instant created) {
        root.put("created", created.toString());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private ObjectNode settings() {
        return root.withObject("/config");
    }

    private Optional<String> text(String pointer) {
        JsonNode node = root.at(pointer);
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    private Optional<List<String>> strings(String pointer) {
        JsonNode node = root.at(pointer);
        if (!node.isArray()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return Optional.of(values);
    }

    private void putStrings(String field, List<String> values) {
        if (values == null) {
            settings().remove(field);
            return;
        }
        ArrayNode array = settings().putArray(field);
        values.forEach(array::add);
    }
}
