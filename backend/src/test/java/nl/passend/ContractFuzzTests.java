package nl.passend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import nl.passend.security.AccessMatrix;
import nl.passend.security.AccessMatrix.Rule;
import nl.passend.security.Actor;
import nl.passend.security.ActorUserDetails;
import nl.passend.security.Role;
import nl.passend.support.FreshDatabase;
import nl.passend.support.IntegrationTest;

/**
 * Bad input, generated from the contract, for every operation: each path id odd, each query parameter and each field
 * of the body (one level into objects and arrays) with a wrong type, null, null inside an array, out of its range,
 * too long, empty or an unknown code, and malformed JSON. Each request is sent as a demo user who may call the
 * operation, starting from the valid request of the access matrix ({@link AccessMatrix}); each must get a 4xx
 * problem document and change nothing: the row count of every table and the audit trail stay as they were. An
 * operation added to the contract is fuzzed without a line here. The values are drawn from a seed, printed in each
 * case's name; rerun one with {@code -Dpassend.fuzz.seed=<seed>}.
 */
@IntegrationTest
@FreshDatabase(demo = true)
class ContractFuzzTests {

    private static final long SEED = Long.getLong("passend.fuzz.seed", System.nanoTime());

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Ids that are not plain decimal numbers of a row, each of which must not be taken for one. */
    private static final List<String> ODD_IDS = List.of("0x1", "00001", "%EF%BC%99", "-1", "0", "1.5", "1e0",
            "99999999999999999999", "%20", "1%00", "%2e%2e", "1;x=1");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private final JsonNode contract = contract();
    private final Random random = new Random(SEED);

    /** A request that the contract does not allow. */
    record Case(String name, HttpMethod method, String uri, String body) {
    }

    @TestFactory
    Stream<DynamicTest> refusesEveryBadRequestWithAProblemAndChangesNothing() {
        Map<String, Long> rows = new TreeMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("counting every table's rows", () -> rows.putAll(rowCounts())));
        for (Rule rule : AccessMatrix.rules()) {
            String caller = AccessMatrix.CALLERS.stream().filter(candidate -> !rule.refusedBySecurity(candidate))
                    .findFirst().orElseThrow();
            for (Case bad : cases(rule)) {
                tests.add(DynamicTest.dynamicTest(bad.name() + " as " + caller + " (seed " + SEED + ")",
                        () -> assertRefused(bad, caller, rows)));
            }
        }
        return tests.stream();
    }

    /** Sends the bad request and checks the answer, and that the rows are as they were (then counts them anew). */
    private void assertRefused(Case bad, String caller, Map<String, Long> rows) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(bad.method(), URI.create(bad.uri()))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .with(SecurityMockMvcRequestPostProcessors.authentication(signedIn(caller)));
        if (bad.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(bad.body());
        }

        MvcResult result = mvc.perform(request).andReturn();

        Map<String, Long> before = new TreeMap<>(rows);
        rows.clear();
        rows.putAll(rowCounts());
        String answer = bad.name() + " as " + caller + " (seed " + SEED + "): " + result.getResponse().getStatus()
                + " " + result.getResponse().getContentType() + " " + result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(answer).isBetween(400, 499).isNotIn(401, 403);
        assertThat(result.getResponse().getContentType()).as(answer).isNotNull()
                .satisfies(type -> assertThat(MediaType.parseMediaType(type)
                        .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(answer).isTrue());
        assertThat(rows).as("rows after " + answer).isEqualTo(before);
    }

    private List<Case> cases(Rule rule) {
        JsonNode operation = operation(rule.operationId());
        String template = operation.get("path").asText();
        UriComponentsBuilder valid = UriComponentsBuilder.fromUriString(rule.path());
        Map<String, String> query = new LinkedHashMap<>(valid.build().getQueryParams().toSingleValueMap());
        String path = valid.build().getPath();
        String name = rule.operationId();
        List<Case> cases = new ArrayList<>();

        String[] segments = path.split("/");
        String[] templated = template.split("/");
        for (int i = 0; i < templated.length; i++) {
            if (templated[i].startsWith("{")) {
                for (String odd : ODD_IDS) {
                    String[] changed = segments.clone();
                    changed[i] = odd;
                    cases.add(new Case(name + " with path " + templated[i] + " = " + odd, rule.method(),
                            uri(String.join("/", changed), query), rule.body()));
                }
            }
        }
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if (!resolved.path("in").asText().equals("query")) {
                continue;
            }
            String parameterName = resolved.get("name").asText();
            for (Map.Entry<String, String> value : badText(resolve(resolved.path("schema"))).entrySet()) {
                Map<String, String> changed = new LinkedHashMap<>(query);
                changed.put(parameterName, value.getValue());
                cases.add(new Case(name + " with ?" + parameterName + " " + value.getKey(), rule.method(),
                        uri(path, changed), rule.body()));
            }
        }
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (rule.body() != null && !bodySchema.isMissingNode()) {
            ObjectNode body = (ObjectNode) read(rule.body());
            mutate(body, resolve(bodySchema), "", 0, mutated -> cases.add(new Case(name + " with " + mutated,
                    rule.method(), uri(path, query), body.toString())));
            String text = rule.body().strip();
            String firstField = body.fieldNames().next();
            Map<String, String> malformed = Map.of(
                    "the JSON cut short", text.substring(0, text.length() - 1),
                    "something after the JSON", text + " {}",
                    "a key twice", "{\"" + firstField + "\": " + body.get(firstField) + ", " + text.substring(1),
                    "an empty body", "",
                    "a list for the object", "[" + text + "]",
                    "null for the object", "null");
            malformed.forEach((what, broken) -> cases.add(new Case(name + " with " + what, rule.method(),
                    uri(path, query), broken)));
        }
        return cases;
    }

    /**
     * Every bad value of each property of the object's schema, set in the object in turn (reported by its path and
     * restored after the report), one level into objects and into the first element of arrays of objects.
     */
    private void mutate(ObjectNode object, JsonNode schema, String prefix, int depth, Consumer<String> report) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            String field = property.getKey();
            JsonNode propertySchema = resolve(property.getValue());
            JsonNode original = object.get(field);
            Map<String, JsonNode> values = badValues(propertySchema);
            if (required.contains(field)) {
                values.put("null", NODES.nullNode());
            }
            for (Map.Entry<String, JsonNode> value : values.entrySet()) {
                object.set(field, value.getValue());
                report.accept(prefix + field + " " + value.getKey());
            }
            restore(object, field, original);
            if (depth == 0 && original != null && original.isObject()) {
                mutate((ObjectNode) original, propertySchema, prefix + field + ".", depth + 1, report);
            }
            if (depth == 0 && original != null && original.isArray() && !original.isEmpty()
                    && original.get(0).isObject()) {
                mutate((ObjectNode) original.get(0), resolve(propertySchema.path("items")), prefix + field + "[0].",
                        depth + 1, report);
            }
        }
    }

    private static void restore(ObjectNode object, String field, JsonNode original) {
        if (original == null) {
            object.remove(field);
        } else {
            object.set(field, original);
        }
    }

    /** Values that break the schema, by what is wrong with them. */
    private Map<String, JsonNode> badValues(JsonNode schema) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "integer" -> {
                values.put("as text", NODES.textNode(String.valueOf(1 + random.nextInt(9))));
                values.put("with a fraction", NODES.numberNode(1.5));
                values.put("as a boolean", NODES.booleanNode(true));
                if (schema.has("minimum")) {
                    values.put("below its minimum", NODES.numberNode(schema.get("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    values.put("above its maximum", NODES.numberNode(schema.get("maximum").asLong() + 1));
                }
                values.put("beyond a long", NODES.numberNode(new BigInteger("99999999999999999999")));
            }
            case "number" -> {
                values.put("as text", NODES.textNode("12.5"));
                values.put("as a boolean", NODES.booleanNode(false));
                if (schema.has("minimum")) {
                    values.put("below its minimum", NODES.numberNode(schema.get("minimum").asDouble() - 1));
                }
                if (schema.has("maximum")) {
                    values.put("above its maximum", NODES.numberNode(schema.get("maximum").asDouble() + 1));
                }
            }
            case "boolean" -> {
                values.put("as text", NODES.textNode("true"));
                values.put("as a number", NODES.numberNode(1));
            }
            case "string" -> {
                values.put("as a number", NODES.numberNode(random.nextInt(1000)));
                values.put("as a boolean", NODES.booleanNode(true));
                values.put("as an object", NODES.objectNode().put("value", "x"));
                if (schema.has("enum")) {
                    values.put("with an unknown code", NODES.textNode("NO_SUCH_CODE_" + random.nextInt(1000)));
                }
                if (schema.has("pattern")) {
                    values.put("against its pattern", NODES.textNode("!" + random.nextInt(1000) + " ?"));
                }
                if (schema.has("maxLength")) {
                    values.put("too long", NODES.textNode(longText(schema.get("maxLength").asInt() + 1)));
                }
                if (schema.path("minLength").asInt() > 0) {
                    values.put("empty", NODES.textNode(""));
                }
                switch (schema.path("format").asText()) {
                    case "date" -> {
                        values.put("as a date-time", NODES.textNode("2026-12-01T10:00:00Z"));
                        values.put("as a day that does not exist", NODES.textNode("2026-02-30"));
                        values.put("beyond what a date holds", NODES.textNode("+999999999-12-31"));
                    }
                    case "date-time" -> values.put("as a day that does not exist",
                            NODES.textNode("2026-02-30T10:00:00Z"));
                    default -> {
                    }
                }
            }
            case "array" -> {
                values.put("as text", NODES.textNode("x"));
                values.put("with null inside", NODES.arrayNode().addNull());
                JsonNode items = resolve(schema.path("items"));
                if (schema.has("maxItems")) {
                    ArrayNode many = NODES.arrayNode();
                    JsonNode item = sample(items);
                    for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                        many.add(item.deepCopy());
                    }
                    values.put("with too many items", many);
                }
                if (schema.path("minItems").asInt() > 0) {
                    values.put("empty", NODES.arrayNode());
                }
                if (schema.path("uniqueItems").asBoolean()) {
                    JsonNode item = sample(items);
                    values.put("with an item twice", NODES.arrayNode().add(item.deepCopy()).add(item.deepCopy()));
                }
                badValues(items).forEach((what, value) -> values.put("with an item " + what,
                        NODES.arrayNode().add(value)));
            }
            case "object" -> {
                values.put("as text", NODES.textNode("x"));
                values.put("as a list", NODES.arrayNode());
            }
            default -> {
                // A schema without a type (oneOf, say) is only sent the wrong kind of JSON.
                values.put("as a number", NODES.numberNode(7));
            }
        }
        return values;
    }

    /** Text that breaks a query parameter's schema, by what is wrong with it (all query values are text). */
    private Map<String, String> badText(JsonNode schema) {
        Map<String, String> values = new LinkedHashMap<>();
        switch (schema.path("type").asText()) {
            case "integer" -> {
                values.put("not a number", "x" + random.nextInt(100));
                values.put("with a fraction", "1.5");
                values.put("in hexadecimal", "0x1");
                if (schema.has("minimum")) {
                    values.put("below its minimum", String.valueOf(schema.get("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    values.put("above its maximum", String.valueOf(schema.get("maximum").asLong() + 1));
                }
                values.put("beyond a long", "99999999999999999999");
            }
            case "boolean" -> values.put("not a boolean", "maybe");
            case "array" -> badText(resolve(schema.path("items"))).forEach((what, value) ->
                    values.put("with an item " + what, value));
            default -> badValues(schema).forEach((what, value) -> {
                if (value.isTextual()) {
                    values.put(what, value.asText());
                }
            });
        }
        return values;
    }

    /** A value of the item schema, for lists that are wrong by their length or repetition only. */
    private static JsonNode sample(JsonNode items) {
        return switch (items.path("type").asText()) {
            case "integer", "number" -> NODES.numberNode(1);
            case "string" -> NODES.textNode(items.has("enum") ? items.get("enum").get(0).asText() : "GM0200");
            default -> NODES.objectNode();
        };
    }

    private String longText(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** The row count of every table, and the last audit event. */
    private Map<String, Long> rowCounts() {
        List<String> tables = jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            List<String> names = new ArrayList<>();
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rows = metaData.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
                while (rows.next()) {
                    if (rows.getString("TABLE_TYPE").matches("(?i)(BASE )?TABLE")) {
                        names.add(rows.getString("TABLE_NAME"));
                    }
                }
            }
            return names;
        });
        assertThat(tables).as("tables").hasSizeGreaterThan(20);
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table.toLowerCase(), jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        counts.put("last audit event", jdbc.queryForObject("select coalesce(max(id), 0) from audit_event",
                Long.class));
        return counts;
    }

    /** The demo user's account, as signing in with its password makes it. */
    private UsernamePasswordAuthenticationToken signedIn(String username) {
        Map<String, Object> account = jdbc.queryForMap(
                "select role, organisation_id from user_account where username = ?", username);
        Actor actor = new Actor(username, Role.valueOf((String) account.get("role")),
                ((Number) account.get("organisation_id")).longValue());
        ActorUserDetails user = new ActorUserDetails(actor, "", true);
        return new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
    }

    private JsonNode operation(String operationId) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> method = it.next();
                if (METHODS.contains(method.getKey())
                        && method.getValue().path("operationId").asText().equals(operationId)) {
                    ObjectNode operation = method.getValue().deepCopy();
                    ArrayNode parameters = NODES.arrayNode();
                    path.getValue().path("parameters").forEach(parameters::add);
                    method.getValue().path("parameters").forEach(parameters::add);
                    operation.set("parameters", parameters);
                    operation.put("path", path.getKey());
                    return operation;
                }
            }
        }
        throw new IllegalArgumentException("No operation " + operationId + " in the contract");
    }

    /** The schema or parameter a {@code $ref} points to, with {@code allOf} parts merged. */
    private JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            resolved = contract.at(resolved.get("$ref").asText().substring(1));
        }
        if (resolved.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            ObjectNode properties = merged.putObject("properties");
            ArrayNode required = merged.putArray("required");
            merged.put("type", "object");
            for (JsonNode part : resolved.get("allOf")) {
                JsonNode partSchema = resolve(part);
                partSchema.path("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), p.getValue()));
                partSchema.path("required").forEach(required::add);
            }
            return merged;
        }
        return resolved;
    }

    private static String uri(String path, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return uri.toString();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static JsonNode contract() {
        try (InputStream yaml = ContractFuzzTests.class.getResourceAsStream("/openapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (Exception e) {
            throw new IllegalStateException("The contract cannot be read", e);
        }
    }
}
