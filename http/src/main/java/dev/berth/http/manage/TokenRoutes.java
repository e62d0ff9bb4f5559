package dev.berth.http.manage;

import dev.berth.core.auth.RegistryToken;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.installation.IssuedSecret;
import dev.berth.core.installation.ManagementAccess.Level;
import dev.berth.core.installation.TokenService;
import dev.berth.core.installation.TokenService.CreatedToken;
import dev.berth.core.installation.TokenService.ScopeMapView;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A registry's scope maps and repository-scoped tokens, and their passwords. */
final class TokenRoutes {
    private TokenRoutes() {}

    static void register(Router router) {
        router.add("GET", "/api/registries/{registry}/scopeMaps", TokenRoutes::scopeMaps)
                .add("GET", "/api/registries/{registry}/scopeMaps/{name}", TokenRoutes::scopeMap)
                .add("PUT", "/api/registries/{registry}/scopeMaps/{name}", TokenRoutes::putScopeMap)
                .add("PATCH", "/api/registries/{registry}/scopeMaps/{name}", TokenRoutes::patchScopeMap)
                .add("DELETE", "/api/registries/{registry}/scopeMaps/{name}", TokenRoutes::deleteScopeMap)
                .add("GET", "/api/registries/{registry}/tokens", TokenRoutes::listTokens)
                .add("GET", "/api/registries/{registry}/tokens/{name}", TokenRoutes::token)
                .add("PUT", "/api/registries/{registry}/tokens/{name}", TokenRoutes::putToken)
                .add("PATCH", "/api/registries/{registry}/tokens/{name}", TokenRoutes::patchToken)
                .add("DELETE", "/api/registries/{registry}/tokens/{name}", TokenRoutes::deleteToken)
                .add("POST", "/api/registries/{registry}/generateCredentials", TokenRoutes::generate)
                .add("POST", "/api/registries/{registry}/tokens/{name}/deletePassword", TokenRoutes::deletePassword);
    }

    private static TokenService service(ApiRequest request) {
        return request.management().tokens();
    }

    private static Reply scopeMaps(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.READ, "read scope maps");
        List<Object> maps = new ArrayList<>();
        for (ScopeMapView view : service(request).scopeMaps(registry)) {
            maps.add(Shapes.scopeMap(registry.name(), view));
        }
        return Reply.ok(Shapes.list(maps));
    }

    private static Reply scopeMap(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.READ, "read scope maps");
        return Reply.ok(Shapes.scopeMap(registry.name(), service(request).scopeMap(registry, request.param("name"))));
    }

    private static Reply putScopeMap(ApiRequest request) throws IOException {
        return writeScopeMap(request, true);
    }

    private static Reply patchScopeMap(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "change scope maps");
        service(request).scopeMap(registry, request.param("name"));
        return writeScopeMap(request, false);
    }

    private static Reply writeScopeMap(ApiRequest request, boolean put) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "change scope maps");
        Body properties = request.body().object("properties");
        boolean created = service(request)
                .putScopeMap(
                        registry, request.param("name"), properties.text("description"), properties.texts("actions"));
        ScopeMapView view = service(request).scopeMap(registry, request.param("name"));
        return Reply.createdOrOk(put && created, Shapes.scopeMap(registry.name(), view));
    }

    private static Reply deleteScopeMap(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "delete scope maps");
        service(request).deleteScopeMap(registry, request.param("name"));
        return Reply.noContent();
    }

    private static Reply listTokens(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.READ, "read tokens");
        List<Object> values = new ArrayList<>();
        for (RegistryToken token : service(request).tokens(registry)) {
            values.add(Shapes.token(registry.name(), token, List.of()));
        }
        return Reply.ok(Shapes.list(values));
    }

    private static Reply token(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.READ, "read tokens");
        return Reply.ok(
                Shapes.token(registry.name(), service(request).token(registry, request.param("name")), List.of()));
    }

    private static Reply putToken(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "create tokens");
        Body properties = request.body().object("properties");
        Optional<String> scopeMap = properties.text("scopeMapId").map(id -> nameIn(id, registry, "scopeMaps"));
        Optional<Boolean> enabled = properties.text("status").map(TokenRoutes::status);
        String name = request.param("name");
        if (service(request).tokens(registry).stream().anyMatch(t -> t.name().equals(name))) {
            RegistryToken changed = service(request).updateToken(registry, name, scopeMap, enabled);
            return Reply.ok(Shapes.token(registry.name(), changed, List.of()));
        }
        boolean noPasswords =
                request.query("noPasswords").map("true"::equalsIgnoreCase).orElse(false);
        CreatedToken created = service(request)
                .createToken(
                        registry,
                        name,
                        scopeMap.orElseThrow(() -> invalid("the field properties.scopeMapId is required")),
                        enabled.orElse(true),
                        !noPasswords);
        return Reply.created(Shapes.token(registry.name(), created.token(), created.passwords()));
    }

    private static Reply patchToken(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "change tokens");
        Body properties = request.body().object("properties");
        RegistryToken changed = service(request)
                .updateToken(
                        registry,
                        request.param("name"),
                        properties.text("scopeMapId").map(id -> nameIn(id, registry, "scopeMaps")),
                        properties.text("status").map(TokenRoutes::status));
        return Reply.ok(Shapes.token(registry.name(), changed, List.of()));
    }

    private static Reply deleteToken(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "delete tokens");
        service(request).deleteToken(registry, request.param("name"));
        return Reply.noContent();
    }

    private static Reply generate(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "make token passwords");
        Body body = request.body();
        String token = nameIn(body.requiredText("tokenId"), registry, "tokens");
        Optional<Instant> expiry = body.text("expiry").map(TokenRoutes::instant);
        IssuedSecret secret = service(request).generatePassword(registry, token, body.requiredText("name"), expiry);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", token);
        answer.put("passwords", List.of(Shapes.secret(secret)));
        return Reply.ok(answer);
    }

    private static Reply deletePassword(ApiRequest request) throws IOException {
        RegistryRecord registry = request.registry(Level.WRITE, "delete token passwords");
        String name = request.body().requiredText("name");
        RegistryToken changed = service(request).deletePassword(registry, request.param("name"), name);
        return Reply.ok(Shapes.token(registry.name(), changed, List.of()));
    }

    /**
     * The name in a resource id of this registry, or the name itself: {@code /registries/r/scopeMaps/m} and {@code m}
     * alike. An id of another registry, or of another kind of resource, is {@code INVALID_REQUEST}: taking its last
     * segment would bind to this registry's resource of the same name.
     */
    private static String nameIn(String id, RegistryRecord registry, String kind) {
        if (!id.contains("/")) {
            return id;
        }
        String prefix = "/registries/" + registry.name() + "/" + kind + "/";
        if (!id.regionMatches(true, 0, prefix, 0, prefix.length()) || id.indexOf('/', prefix.length()) >= 0) {
            throw invalid("'" + id + "' is not a " + kind + " id of the registry " + registry.name() + " (" + prefix
                    + "<name>)");
        }
        return id.substring(prefix.length());
    }

    private static boolean status(String value) {
        return switch (value) {
            case "enabled" -> true;
            case "disabled" -> false;
            default -> throw invalid("status is enabled or disabled");
        };
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("expiry is an ISO-8601 UTC time such as 2027-01-01T00:00:00Z");
        }
    }

    private static RegistryException invalid(String message) {
        return new RegistryException(ErrorCode.INVALID_REQUEST, message);
    }
}
