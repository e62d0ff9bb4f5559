package dev.berth.http.acr;

import dev.berth.core.lock.ChangeableAttributes;
import dev.berth.core.oci.RepositoryName;
import dev.berth.core.oci.Tag;
import dev.berth.core.spi.DetailStore.ManifestDetails;
import dev.berth.core.spi.DetailStore.RepositoryDetails;
import dev.berth.core.spi.DetailStore.TagDetails;
import dev.berth.core.spi.ManifestStore.ChildPlatform;
import dev.berth.core.spi.ManifestStore.ImageFacts;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of ACR's metadata API, field for field: {@code registry} and {@code imageName} around every answer,
 * times in ISO-8601, {@code changeableAttributes} on every item, {@code lastPulledTime} only once pulled. Berth puts
 * the registry's name in {@code registry}, where ACR puts its login server.
 */
final class Shapes {
    private Shapes() {}

    /** The {@code registry} and {@code imageName} that open every repository answer. */
    static Map<String, Object> envelope(RegistryRecord registry, RepositoryName name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registry", registry.name());
        body.put("imageName", name.value());
        return body;
    }

    static Map<String, Object> repository(RegistryRecord registry, RepositoryName name, RepositoryDetails details) {
        Map<String, Object> body = envelope(registry, name);
        body.put("createdTime", time(details.createdAt()));
        body.put("lastUpdateTime", time(details.updatedAt()));
        body.put("manifestCount", details.manifestCount());
        body.put("tagCount", details.tagCount());
        body.put("changeableAttributes", attributes(details.attributes()));
        return body;
    }

    static Map<String, Object> tag(TagDetails tag) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("name", tag.tag().value());
        shape.put("digest", tag.digest().toString());
        shape.put("createdTime", time(tag.createdAt()));
        shape.put("lastUpdateTime", time(tag.updatedAt()));
        lastPulled(shape, tag.lastPulledAt());
        shape.put("changeableAttributes", attributes(tag.attributes()));
        return shape;
    }

    static Map<String, Object> manifest(ManifestDetails manifest) {
        ImageFacts facts = manifest.facts();
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("digest", manifest.digest().toString());
        shape.put("imageSize", facts == null ? manifest.size() : facts.imageSize());
        shape.put("createdTime", time(manifest.createdAt()));
        shape.put("lastUpdateTime", time(manifest.updatedAt()));
        lastPulled(shape, manifest.lastPulledAt());
        if (facts != null) {
            putIfKnown(shape, "architecture", facts.architecture());
            putIfKnown(shape, "os", facts.os());
        }
        shape.put("mediaType", manifest.mediaType());
        if (facts != null) {
            putIfKnown(shape, "configMediaType", facts.configMediaType());
        }
        shape.put("tags", manifest.tags().stream().map(Tag::value).toList());
        if (facts != null && !facts.children().isEmpty()) {
            shape.put(
                    "references",
                    facts.children().stream().map(Shapes::reference).toList());
        }
        Map<String, Object> attributes = attributes(manifest.attributes());
        manifest.quarantine().ifPresent(q -> {
            attributes.put("quarantineState", q.state().wireName());
            attributes.put("quarantineDetails", q.details());
        });
        shape.put("changeableAttributes", attributes);
        return shape;
    }

    static Map<String, Object> attributes(ChangeableAttributes attributes) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("deleteEnabled", attributes.deleteEnabled());
        shape.put("writeEnabled", attributes.writeEnabled());
        shape.put("readEnabled", attributes.readEnabled());
        shape.put("listEnabled", attributes.listEnabled());
        return shape;
    }

    /** A list of items under its name, inside the envelope. */
    static Map<String, Object> list(RegistryRecord registry, RepositoryName name, String field, List<?> items) {
        Map<String, Object> body = envelope(registry, name);
        body.put(field, items);
        return body;
    }

    private static Map<String, Object> reference(ChildPlatform child) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("digest", child.digest().toString());
        putIfKnown(shape, "architecture", child.architecture());
        putIfKnown(shape, "os", child.os());
        return shape;
    }

    private static void lastPulled(Map<String, Object> shape, Optional<Instant> at) {
        at.ifPresent(t -> shape.put("lastPulledTime", time(t)));
    }

    private static void putIfKnown(Map<String, Object> shape, String field, String value) {
        if (value != null) {
            shape.put(field, value);
        }
    }

    private static String time(Instant instant) {
        return instant.toString();
    }
}
