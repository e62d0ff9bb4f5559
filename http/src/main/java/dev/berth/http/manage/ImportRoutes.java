package dev.berth.http.manage;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.imports.ImportRequest;
import dev.berth.core.imports.ImportResult;
import dev.berth.core.imports.ImportService;
import dev.berth.core.imports.ImportSource;
import dev.berth.core.installation.ManagementAccess.Level;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ACR's {@code importImage}: copies an image or index, all its platforms, from another registry into this one,
 * server-side. ARM runs it as a long operation; Berth answers when it is done, with what it copied. Needs
 * Contributor on the target, and, for a registry of this installation as the source, Reader on that one.
 */
final class ImportRoutes {
    private final ImportService imports;

    ImportRoutes(ImportService imports) {
        this.imports = imports;
    }

    void register(Router router) {
        router.add("POST", "/api/registries/{registry}/importImage", this::importImage);
    }

    private Reply importImage(ApiRequest request) throws IOException {
        RegistryRecord target = request.registry(Level.WRITE, "import into the registry");
        Body body = request.body();
        Body source = body.object("source");
        Body credentials = source.object("credentials");
        ImportSource from = ImportSource.of(
                source.text("registryUri").orElse(null),
                source.text("resourceId").orElse(null),
                credentials.text("username").orElse(null),
                credentials.text("password").orElse(null));
        if (from instanceof ImportSource.Local local) {
            requireReadable(request, local.registryName());
        }
        ImportRequest importRequest = ImportRequest.of(
                from,
                source.requiredText("sourceImage"),
                body.texts("targetTags").orElse(null),
                body.texts("untaggedTargetRepositories").orElse(null),
                body.text("mode").orElse(null));
        return Reply.ok(shape(imports.importImage(target, importRequest)));
    }

    /** A local source the caller may not read is as good as absent. */
    private static void requireReadable(ApiRequest request, String name) throws IOException {
        RegistryRecord source = request.management().registries().find(name).orElse(null);
        if (source == null
                || !request.management()
                        .access()
                        .onRegistry(request.caller(), source)
                        .atLeast(Level.READ)) {
            throw new RegistryException(ErrorCode.IMPORT_SOURCE_UNKNOWN, "no registry named '" + name + "'");
        }
    }

    private static Map<String, Object> shape(ImportResult result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("digest", result.digest().toString());
        answer.put("mediaType", result.mediaType());
        answer.put("tags", result.tags().stream().map(Object::toString).toList());
        answer.put(
                "repositories",
                result.repositories().stream().map(Object::toString).toList());
        answer.put("manifests", result.manifests());
        answer.put(
                "blobs",
                Map.of(
                        "copied", result.blobsCopied(),
                        "linked", result.blobsLinked(),
                        "present", result.blobsPresent(),
                        "referenced", result.blobsReferenced()));
        answer.put("bytesCopied", result.bytesCopied());
        return answer;
    }
}
