package dev.berth.http.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;
import dev.berth.http.auth.ManagementGate;
import dev.berth.http.runs.RunRoutes;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document says what the code does: the same routes, each parameter declared, every reference found. */
class OpenApiDocumentTest {
    /** Served by the ACR metadata endpoint, not by ManagementApi; the document may describe them. */
    private static final String ACR_PREFIX = "/api/registries/{registry}/acr/v1";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static JsonNode document;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ManagementApi.class.getResourceAsStream("openapi.json")) {
            assertNotNull(in, "openapi.json is beside ManagementApi");
            document = Json.parse(in.readAllBytes());
        }
    }

    /** Every operation of the document, as "METHOD /path". */
    private static Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (METHODS.contains(operation.getKey())) {
                        operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return operations;
    }

    private static Set<String> routes() {
        Set<String> routes = new TreeSet<>(
                new ManagementApi(null, ManagementGate.open(), null, List.of(new RunRoutes(null, 0))).routes());
        routes.add("GET " + ManagementApi.OPENAPI);
        return routes;
    }

    @Test
    void itIsOpenApi3() {
        assertTrue(
                document.path("openapi").asText().matches("3\\.0\\.\\d+"),
                document.path("openapi").asText());
        assertEquals(
                "http",
                document.at("/components/securitySchemes/basicAuth/type").asText());
        assertEquals(
                "basic",
                document.at("/components/securitySchemes/basicAuth/scheme").asText());
        assertEquals(
                "basicAuth",
                document.at("/security/0").properties().iterator().next().getKey());
    }

    @Test
    void anOpenApiValidatorFindsNothingWrong() throws IOException {
        String text;
        try (InputStream in = ManagementApi.class.getResourceAsStream("openapi.json")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        assertEquals(List.of(), result.getMessages(), "the validator's complaints");
        assertNotNull(result.getOpenAPI());
        assertEquals(
                document.path("paths").size(), result.getOpenAPI().getPaths().size());
    }

    @Test
    void everyRouteIsDocumented() {
        Set<String> missing = new TreeSet<>(routes());
        missing.removeAll(operations());
        assertEquals(Set.of(), missing, "routes the document lacks");
    }

    @Test
    void everyDocumentedOperationIsARoute() {
        Set<String> extra = new TreeSet<>(operations());
        extra.removeAll(routes());
        extra.removeIf(
                operation -> operation.substring(operation.indexOf(' ') + 1).startsWith(ACR_PREFIX));
        assertEquals(Set.of(), extra, "operations no route serves");
    }

    @Test
    void onlyTheDocumentItselfNeedsNoCredentials() {
        for (String operation : operations()) {
            JsonNode security = operation(operation).path("security");
            boolean open = security.isArray() && security.isEmpty();
            assertEquals(operation.equals("GET " + ManagementApi.OPENAPI), open, operation);
        }
    }

    @Test
    void everyPathParameterIsDeclaredAndEveryDeclaredOneIsInThePath() {
        for (String operation : operations()) {
            String path = operation.substring(operation.indexOf(' ') + 1);
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = TEMPLATE_PARAMETER.matcher(path);
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            Set<String> declared = new TreeSet<>();
            for (JsonNode parameter : operation(operation).path("parameters")) {
                JsonNode resolved = resolve(parameter);
                if (resolved.path("in").asText().equals("path")) {
                    assertTrue(resolved.path("required").asBoolean(), operation + ": path parameters are required");
                    declared.add(resolved.path("name").asText());
                }
            }
            assertEquals(inTemplate, declared, operation);
        }
    }

    @Test
    void everyOperationAnswersJsonTextOrNothingAndHasAnId() {
        Set<String> ids = new TreeSet<>();
        for (String operation : operations()) {
            JsonNode op = operation(operation);
            assertTrue(ids.add(op.path("operationId").asText()), operation + ": unique operationId");
            if (!operation.equals("GET " + ManagementApi.OPENAPI)) {
                assertTrue(op.path("responses").has("500"), operation + " answers 500 in the envelope");
            }
            op.path("responses").properties().forEach(response -> {
                JsonNode resolved = resolve(response.getValue());
                assertTrue(
                        response.getKey().equals("204")
                                || resolved.at("/content/application~1json/schema")
                                        .isObject()
                                || resolved.at("/content/text~1plain/schema").isObject(),
                        operation + " " + response.getKey());
            });
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertTrue(refs.size() > 50, "the document uses its components");
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            assertTrue(document.at(ref.substring(1)).isObject(), "unresolved " + ref);
        }
    }

    @Test
    void theResourcesOfTheDesignHaveSchemas() {
        for (String schema : List.of(
                "Registry",
                "ScopeMap",
                "Token",
                "RoleAssignment",
                "User",
                "ServicePrincipal",
                "Usage",
                "Error",
                "NameAvailability",
                "AdminCredentials")) {
            assertTrue(document.at("/components/schemas/" + schema).isObject(), schema);
        }
        assertEquals(
                Set.of(
                        "InvalidRequest",
                        "Unauthorized",
                        "AuthorizationFailed",
                        "ResourceNotFound",
                        "MethodNotAllowed",
                        "Conflict",
                        "QuotaExceeded",
                        "FeatureNotSupported",
                        "PayloadTooLarge",
                        "RequestTimeout",
                        "TooManyRequests",
                        "ServiceUnavailable",
                        "InternalServerError",
                        "ImportSourceNotFound",
                        "ImportSourceDenied",
                        "ImportSourceUnavailable",
                        "EgressRefused"),
                errorCodesInTheDocument());
    }

    /** The error codes the document lists are the ones the server can answer. */
    private static Set<String> errorCodesInTheDocument() {
        Set<String> codes = new TreeSet<>();
        document.at("/components/schemas/Error/properties/error/properties/code/enum")
                .forEach(code -> codes.add(code.asText()));
        Set<String> answered = new TreeSet<>();
        for (var code : dev.berth.core.error.ErrorCode.values()) {
            answered.add(dev.berth.http.error.ErrorResponses.managementCode(code));
        }
        assertEquals(answered, codes, "the Error schema lists every code the server answers");
        return codes;
    }

    private static JsonNode operation(String operation) {
        int space = operation.indexOf(' ');
        return document.path("paths")
                .path(operation.substring(space + 1))
                .path(operation.substring(0, space).toLowerCase(Locale.ROOT));
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.path("$ref").asText().substring(1)) : node;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.path("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
