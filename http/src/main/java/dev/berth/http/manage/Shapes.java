package dev.berth.http.manage;

import dev.berth.core.auth.Cidr;
import dev.berth.core.auth.NetworkRules;
import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.ServicePrincipal;
import dev.berth.core.installation.IssuedSecret;
import dev.berth.core.installation.RegistryView;
import dev.berth.core.installation.RoleAssignmentView;
import dev.berth.core.installation.TokenService.ScopeMapView;
import dev.berth.core.installation.Usage;
import dev.berth.core.spi.IdentityStore.UserRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the management API's resources, as ARM's {@code Microsoft.ContainerRegistry} has them. */
final class Shapes {
    static final String TYPE = "Microsoft.ContainerRegistry/registries";

    private Shapes() {}

    static Map<String, Object> list(List<?> values) {
        return Map.of("value", values);
    }

    static Map<String, Object> registry(RegistryView view) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("loginServer", view.loginServer());
        properties.put("creationDate", view.record().createdAt().toString());
        properties.put("provisioningState", "Succeeded");
        properties.put("adminUserEnabled", view.adminUserEnabled());
        properties.put("anonymousPullEnabled", view.anonymousPullEnabled());
        properties.put("publicNetworkAccess", view.networkRules().publicNetworkAccess() ? "Enabled" : "Disabled");
        properties.put("networkRuleSet", networkRuleSet(view.networkRules()));
        String tier = view.record().tier().displayName();
        return resource("/registries/" + view.record().name(), view.record().name(), TYPE, sku(tier), properties);
    }

    private static Map<String, Object> sku(String tier) {
        Map<String, Object> sku = new LinkedHashMap<>();
        sku.put("name", tier);
        sku.put("tier", tier);
        return sku;
    }

    private static Map<String, Object> networkRuleSet(NetworkRules rules) {
        List<Object> ipRules = new ArrayList<>();
        for (Cidr cidr : rules.allowed()) {
            ipRules.add(Map.of("action", "Allow", "value", cidr.toString()));
        }
        return Map.of(
                "defaultAction",
                rules.defaultAction() == NetworkRules.DefaultAction.ALLOW ? "Allow" : "Deny",
                "ipRules",
                ipRules);
    }

    static Map<String, Object> scopeMap(String registry, ScopeMapView view) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", view.map().description());
        properties.put("type", view.system() ? "SystemDefined" : "UserDefined");
        properties.put("actions", view.map().actions());
        properties.put("provisioningState", "Succeeded");
        return resource(
                scopeMapId(registry, view.map().name()), view.map().name(), TYPE + "/scopeMaps", null, properties);
    }

    static String scopeMapId(String registry, String name) {
        return "/registries/" + registry + "/scopeMaps/" + name;
    }

    static Map<String, Object> token(String registry, RegistryToken token, List<IssuedSecret> issued) {
        List<Object> passwords = new ArrayList<>();
        for (RegistryToken.Password password : token.passwords()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", password.name());
            entry.put(
                    "expiry",
                    password.expiry() == null ? null : password.expiry().toString());
            issued.stream()
                    .filter(secret -> secret.name().equals(password.name()))
                    .findFirst()
                    .ifPresent(secret -> {
                        entry.put("creationTime", secret.creationTime().toString());
                        entry.put("value", secret.value());
                    });
            passwords.add(entry);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("scopeMapId", scopeMapId(registry, token.scopeMap()));
        properties.put("status", token.enabled() ? "enabled" : "disabled");
        properties.put("provisioningState", "Succeeded");
        properties.put("credentials", Map.of("passwords", passwords));
        return resource(
                "/registries/" + registry + "/tokens/" + token.name(),
                token.name(),
                TYPE + "/tokens",
                null,
                properties);
    }

    static Map<String, Object> secret(IssuedSecret secret) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", secret.name());
        entry.put("value", secret.value());
        entry.put("creationTime", secret.creationTime().toString());
        entry.put("expiry", secret.expiry() == null ? null : secret.expiry().toString());
        return entry;
    }

    static Map<String, Object> roleAssignment(RoleAssignmentView view) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("principalId", view.principalId());
        properties.put("roleDefinitionName", view.role().displayName());
        properties.put("scope", view.scope().toString());
        return resource(
                "/roleAssignments/" + view.id(),
                view.id(),
                "Microsoft.Authorization/roleAssignments",
                null,
                properties);
    }

    static Map<String, Object> user(UserRecord user) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("installationAdmin", user.installationAdmin());
        properties.put("enabled", user.enabled());
        return resource("/users/" + user.name(), user.name(), "Berth/users", null, properties);
    }

    static Map<String, Object> servicePrincipal(ServicePrincipal principal) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("displayName", principal.displayName());
        properties.put("enabled", principal.enabled());
        properties.put(
                "secrets",
                principal.secrets().stream().map(RegistryToken.Password::name).toList());
        return resource(
                "/servicePrincipals/" + principal.id(), principal.id(), "Berth/servicePrincipals", null, properties);
    }

    static Map<String, Object> usage(Usage usage) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", usage.name());
        entry.put("limit", usage.limit());
        entry.put("currentValue", usage.currentValue());
        entry.put("unit", usage.unit());
        return entry;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Map<String, Object> resource(
            String id, String name, String type, Map<String, Object> sku, Map<String, Object> properties) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", id);
        resource.put("name", name);
        resource.put("type", type);
        if (sku != null) {
            resource.put("sku", sku);
        }
        resource.put("properties", properties);
        return resource;
    }
}
