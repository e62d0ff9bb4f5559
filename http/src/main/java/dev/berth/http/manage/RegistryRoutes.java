package dev.berth.http.manage;

import dev.berth.core.installation.IssuedSecret;
import dev.berth.core.installation.ManagementAccess.Level;
import dev.berth.core.installation.NameAvailability;
import dev.berth.core.installation.RegistryChange;
import dev.berth.core.installation.RegistryView;
import dev.berth.core.installation.StorageReport.RegistryStorage;
import dev.berth.core.installation.StorageReport.RepositoryStorage;
import dev.berth.core.installation.Usage;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.spi.UsageStore.ManifestUsage;
import dev.berth.core.spi.UsageStore.RepositoryUsage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registries themselves: name checks, create, show, list, update, delete, usage and admin credentials. */
final class RegistryRoutes {
    private RegistryRoutes() {}

    static void register(Router router) {
        router.add("POST", "/api/checkNameAvailability", RegistryRoutes::checkName)
                .add("GET", "/api/registries", RegistryRoutes::list)
                .add("GET", "/api/registries/{registry}", RegistryRoutes::show)
                .add("PUT", "/api/registries/{registry}", RegistryRoutes::put)
                .add("PATCH", "/api/registries/{registry}", RegistryRoutes::patch)
                .add("DELETE", "/api/registries/{registry}", RegistryRoutes::delete)
                .add("POST", "/api/registries/{registry}/listUsages", RegistryRoutes::usages)
                .add("GET", "/api/registries/{registry}/storageUsage", RegistryRoutes::storage)
                .add("POST", "/api/registries/{registry}/listCredentials", RegistryRoutes::credentials)
                .add("POST", "/api/registries/{registry}/regenerateCredential", RegistryRoutes::regenerate);
    }

    private static Reply checkName(ApiRequest request) throws IOException {
        String name = request.body().requiredText("name");
        NameAvailability availability = request.management().registryService().checkName(name);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("nameAvailable", availability.available());
        if (!availability.available()) {
            answer.put("reason", availability.reason());
            answer.put("message", availability.message());
        }
        return Reply.ok(answer);
    }

    private static Reply list(ApiRequest request) throws IOException {
        List<Object> visible = new ArrayList<>();
        for (RegistryView view : request.management().registryService().list()) {
            if (request.management()
                    .access()
                    .onRegistry(request.caller(), view.record())
                    .atLeast(Level.READ)) {
                visible.add(Shapes.registry(view));
            }
        }
        return Reply.ok(Shapes.list(visible));
    }

    private static Reply show(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.READ, "read the registry");
        return Reply.ok(Shapes.registry(request.management().registryService().view(registry)));
    }

    private static Reply put(ApiRequest request) throws IOException {
        RegistryChange change = RegistryChanges.of(request.body());
        Optional<RegistryRecord> existing = request.management().registries().find(request.param("registry"));
        // a registry the caller cannot see is answered like a missing one: 403 unless it may create registries
        boolean visible = existing.isPresent()
                && request.management()
                        .access()
                        .onRegistry(request.caller(), existing.get())
                        .atLeast(Level.READ);
        if (visible) {
            request.registry(Level.WRITE, "change the registry");
            return Reply.ok(Shapes.registry(
                    request.management().registryService().update(existing.get().name(), change)));
        }
        request.requireInstallation(Level.WRITE, "create registries");
        RegistryView created = request.management().registryService().create(request.param("registry"), change);
        return Reply.created(Shapes.registry(created));
    }

    private static Reply patch(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "change the registry");
        RegistryChange change = RegistryChanges.of(request.body());
        return Reply.ok(Shapes.registry(request.management().registryService().update(registry.name(), change)));
    }

    private static Reply delete(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.OWN, "delete the registry");
        request.management().registryService().delete(registry.name());
        return Reply.noContent();
    }

    private static Reply usages(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.READ, "read the registry's usage");
        List<Object> lines = new ArrayList<>();
        for (Usage usage : request.management().usage().of(registry)) {
            lines.add(Shapes.usage(usage));
        }
        return Reply.ok(Shapes.list(lines));
    }

    private static Reply storage(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.READ, "read the registry's usage");
        Optional<String> repository = request.query("repository");
        Map<String, Object> answer = new LinkedHashMap<>();
        if (repository.isPresent()) {
            RepositoryStorage storage = request.management().storage().of(registry, repository.get());
            List<Object> manifests = new ArrayList<>();
            for (ManifestUsage manifest : storage.manifests()) {
                manifests.add(Map.of(
                        "digest",
                        manifest.digest().toString(),
                        "bytes",
                        manifest.usage().totalBytes()));
            }
            answer.put("repository", storage.repository().toString());
            answer.put("bytes", storage.bytes());
            answer.put("manifests", manifests);
            return Reply.ok(answer);
        }
        RegistryStorage storage = request.management().storage().of(registry);
        List<Object> repositories = new ArrayList<>();
        for (RepositoryUsage usage : storage.repositories()) {
            repositories.add(Map.of(
                    "name", usage.name().toString(), "bytes", usage.usage().totalBytes()));
        }
        answer.put("registry", registry.name());
        answer.put("bytes", storage.bytes());
        answer.put("repositories", repositories);
        return Reply.ok(answer);
    }

    private static Reply credentials(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "read the registry's credentials");
        List<Object> passwords = new ArrayList<>();
        for (String name : request.management().adminCredentials().passwordNames(registry)) {
            passwords.add(Map.of("name", name));
        }
        return Reply.ok(credentialsShape(registry, passwords));
    }

    private static Reply regenerate(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "renew the registry's credentials");
        String name = request.body().requiredText("name");
        IssuedSecret secret = request.management().adminCredentials().regenerate(registry, name);
        List<Object> passwords = new ArrayList<>();
        for (String other : request.management().adminCredentials().passwordNames(registry)) {
            passwords.add(other.equals(name) ? Shapes.secret(secret) : Map.of("name", other));
        }
        return Reply.ok(credentialsShape(registry, passwords));
    }

    private static Map<String, Object> credentialsShape(RegistryRecord registry, List<Object> passwords) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", registry.name());
        answer.put("passwords", passwords);
        return answer;
    }
}
