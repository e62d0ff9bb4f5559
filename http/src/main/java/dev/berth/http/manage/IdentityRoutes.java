package dev.berth.http.manage;

import dev.berth.core.auth.ServicePrincipal;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.installation.ManagementAccess;
import dev.berth.core.installation.ManagementAccess.Level;
import dev.berth.core.installation.RoleAssignmentView;
import dev.berth.core.installation.RoleScope;
import dev.berth.core.installation.UserService.PutServicePrincipal;
import dev.berth.core.installation.UserService.PutUser;
import dev.berth.core.spi.IdentityStore.UserRecord;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Role assignments, users and service principals. */
final class IdentityRoutes {
    private IdentityRoutes() {}

    static void register(Router router) {
        router.add("GET", "/api/roleAssignments", IdentityRoutes::assignments)
                .add("POST", "/api/roleAssignments", IdentityRoutes::assign)
                .add("DELETE", "/api/roleAssignments/{id}", IdentityRoutes::unassign)
                .add("GET", "/api/users", IdentityRoutes::users)
                .add("GET", "/api/users/{name}", IdentityRoutes::user)
                .add("PUT", "/api/users/{name}", IdentityRoutes::putUser)
                .add("DELETE", "/api/users/{name}", IdentityRoutes::deleteUser)
                .add("GET", "/api/servicePrincipals", IdentityRoutes::servicePrincipals)
                .add("GET", "/api/servicePrincipals/{name}", IdentityRoutes::servicePrincipal)
                .add("PUT", "/api/servicePrincipals/{name}", IdentityRoutes::putServicePrincipal)
                .add("POST", "/api/servicePrincipals/{name}/resetCredential", IdentityRoutes::resetCredential)
                .add("DELETE", "/api/servicePrincipals/{name}", IdentityRoutes::deleteServicePrincipal);
    }

    private static Reply assignments(ApiRequest request) throws IOException {
        Optional<String> scope =
                request.query("scope").map(s -> RoleScope.parse(s).toString());
        Optional<String> principal = request.query("principal");
        List<Object> visible = new ArrayList<>();
        for (RoleAssignmentView view : request.management().roles().list()) {
            boolean wanted = scope.map(s -> s.equals(view.scope().toString())).orElse(true)
                    && principal.map(p -> p.equals(view.principalId())).orElse(true);
            if (wanted && level(request, view.scope()).atLeast(Level.READ)) {
                visible.add(Shapes.roleAssignment(view));
            }
        }
        return Reply.ok(Shapes.list(visible));
    }

    private static Reply assign(ApiRequest request) throws IOException {
        Body properties = request.body().object("properties");
        RoleScope scope = RoleScope.parse(properties.requiredText("scope"));
        ManagementAccess.require(level(request, scope), Level.OWN, "give roles on " + scope);
        RoleAssignmentView view = request.management()
                .roles()
                .assign(properties.requiredText("principalId"), properties.requiredText("roleDefinitionName"), scope);
        return Reply.created(Shapes.roleAssignment(view));
    }

    private static Reply unassign(ApiRequest request) throws IOException {
        String id = request.param("id");
        RoleAssignmentView view = request.management().roles().list().stream()
                .filter(v -> v.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new RegistryException(ErrorCode.RESOURCE_NOT_FOUND, "role assignment not found"));
        ManagementAccess.require(level(request, view.scope()), Level.OWN, "take roles back on " + view.scope());
        request.management().roles().unassign(id);
        return Reply.noContent();
    }

    /** The caller's level where a role assignment holds: the installation, or the registry it names. */
    private static Level level(ApiRequest request, RoleScope scope) throws IOException {
        if (scope.registry().isEmpty()) {
            return request.management().access().onInstallation(request.caller());
        }
        Optional<RegistryRecord> registry =
                request.management().registries().find(scope.registry().get());
        if (registry.isEmpty()) {
            return request.management().access().onInstallation(request.caller());
        }
        return request.management().access().onRegistry(request.caller(), registry.get());
    }

    private static Reply users(ApiRequest request) throws IOException {
        request.requireInstallation(Level.READ, "list users");
        List<Object> users = new ArrayList<>();
        for (UserRecord user : request.management().users().users()) {
            users.add(Shapes.user(user));
        }
        return Reply.ok(Shapes.list(users));
    }

    private static Reply user(ApiRequest request) throws IOException {
        request.requireInstallation(Level.READ, "read users");
        return Reply.ok(Shapes.user(request.management().users().user(request.param("name"))));
    }

    private static Reply putUser(ApiRequest request) throws IOException {
        request.requireInstallation(Level.ADMIN, "manage users");
        Body properties = request.body().object("properties");
        PutUser put = request.management()
                .users()
                .put(
                        request.param("name"),
                        properties.text("password"),
                        properties.bool("installationAdmin"),
                        properties.bool("enabled"));
        Map<String, Object> shape = Shapes.user(put.user());
        put.generatedPassword().ifPresent(password -> properties(shape).put("password", password));
        return Reply.createdOrOk(put.created(), shape);
    }

    private static Reply deleteUser(ApiRequest request) throws IOException {
        request.requireInstallation(Level.ADMIN, "manage users");
        request.management().users().delete(request.param("name"));
        return Reply.noContent();
    }

    private static Reply servicePrincipals(ApiRequest request) throws IOException {
        request.requireInstallation(Level.READ, "list service principals");
        List<Object> principals = new ArrayList<>();
        for (ServicePrincipal principal : request.management().users().servicePrincipals()) {
            principals.add(Shapes.servicePrincipal(principal));
        }
        return Reply.ok(Shapes.list(principals));
    }

    private static Reply servicePrincipal(ApiRequest request) throws IOException {
        request.requireInstallation(Level.READ, "read service principals");
        return Reply.ok(Shapes.servicePrincipal(request.management().users().servicePrincipal(request.param("name"))));
    }

    private static Reply putServicePrincipal(ApiRequest request) throws IOException {
        request.requireInstallation(Level.ADMIN, "manage service principals");
        Body properties = request.body().object("properties");
        PutServicePrincipal put = request.management()
                .users()
                .putServicePrincipal(request.param("name"), properties.text("displayName"), properties.bool("enabled"));
        Map<String, Object> shape = Shapes.servicePrincipal(put.principal());
        put.secret().ifPresent(secret -> properties(shape).put("secret", secret.value()));
        return Reply.createdOrOk(put.created(), shape);
    }

    private static Reply resetCredential(ApiRequest request) throws IOException {
        request.requireInstallation(Level.ADMIN, "manage service principals");
        var secret = request.management().users().resetCredential(request.param("name"));
        Map<String, Object> shape =
                Shapes.servicePrincipal(request.management().users().servicePrincipal(request.param("name")));
        properties(shape).put("secret", secret.value());
        return Reply.ok(shape);
    }

    private static Reply deleteServicePrincipal(ApiRequest request) throws IOException {
        request.requireInstallation(Level.ADMIN, "manage service principals");
        request.management().users().deleteServicePrincipal(request.param("name"));
        return Reply.noContent();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> shape) {
        return (Map<String, Object>) shape.get("properties");
    }
}
