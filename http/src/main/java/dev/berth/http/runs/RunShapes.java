package dev.berth.http.runs;

import dev.berth.core.runs.OutputImage;
import dev.berth.core.runs.Run;
import dev.berth.core.runs.RunRequestJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A run as ARM's {@code Microsoft.ContainerRegistry/registries/runs} resource; secrets never shown. */
final class RunShapes {
    static final String TYPE = "Microsoft.ContainerRegistry/registries/runs";

    private RunShapes() {}

    static Map<String, Object> list(List<Run> runs) {
        return Map.of("value", runs.stream().map(run -> run(null, run)).toList());
    }

    static Map<String, Object> run(String registryName, Run run) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("runId", run.id());
        properties.put("status", run.status().text());
        properties.put("lastUpdatedTime", run.updated().toString());
        properties.put("runType", run.type().text());
        properties.put("createTime", run.created().toString());
        properties.put("startTime", time(run.started()));
        properties.put("finishTime", time(run.finished()));
        properties.put(
                "outputImages",
                run.outputImages().stream().map(RunShapes::image).toList());
        properties.put("platform", RunRequestJson.platform(run.platform()));
        properties.put("runErrorMessage", run.errorMessage().isEmpty() ? null : run.errorMessage());
        properties.put("timeout", run.timeout().toSeconds());
        properties.put("agentName", run.agent().orElse(null));
        properties.put("cancelRequested", run.cancelRequested());
        properties.put("provisioningState", "Succeeded");
        properties.put("request", RunRequestJson.write(run.request().shown()));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", registryName == null ? run.id() : "/registries/" + registryName + "/runs/" + run.id());
        resource.put("name", run.id());
        resource.put("type", TYPE);
        resource.put("properties", properties);
        return resource;
    }

    private static Map<String, Object> image(OutputImage image) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("registry", image.registry());
        shape.put("repository", image.repository());
        shape.put("tag", image.tag());
        shape.put("digest", image.digest());
        return shape;
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
