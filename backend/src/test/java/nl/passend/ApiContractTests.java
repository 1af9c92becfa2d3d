package nl.passend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import nl.passend.support.IntegrationTest;

/**
 * The running application serves exactly the operations of the hand-written contract in api-spec, no more, no fewer,
 * each under the tag (and so the controller) the contract gives it. It shares the context of the other end-to-end
 * tests rather than starting one of its own.
 */
@IntegrationTest
class ApiContractTests {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Autowired
    MockMvc mvc;

    @Test
    void servesExactlyTheOperationsOfTheContract() throws Exception {
        JsonNode contract;
        try (InputStream yaml = getClass().getResourceAsStream("/openapi.yaml")) {
            contract = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        }
        String served = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();

        Set<String> specified = operations(contract);
        assertThat(specified).hasSizeGreaterThan(20);
        assertThat(operations(new ObjectMapper().readTree(served))).isEqualTo(specified);
    }

    /**
     * The contract documents the refusals that can happen to every operation, whatever its own rules: 406 for an
     * {@code Accept} it cannot meet, 429 after failed sign-ins and 503 while the database is away, and with a body,
     * 413 and 415; and every response names the {@code API-Version} header.
     */
    @Test
    void documentsTheRefusalsEveryOperationCanMeet() throws Exception {
        JsonNode contract;
        try (InputStream yaml = getClass().getResourceAsStream("/openapi.yaml")) {
            contract = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        }
        JsonNode shared = contract.path("components").path("responses");
        contract.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            String operation = method.getKey().toUpperCase() + " " + path.getKey();
            JsonNode responses = method.getValue().get("responses");
            assertThat(responses.has("406")).as(operation + " documents 406").isTrue();
            assertThat(responses.has("429")).as(operation + " documents 429").isTrue();
            assertThat(responses.has("503")).as(operation + " documents 503").isTrue();
            boolean body = method.getValue().has("requestBody");
            assertThat(responses.has("413")).as(operation + " documents 413 if it takes a body").isEqualTo(body);
            assertThat(responses.has("415")).as(operation + " documents 415 if it takes a body").isEqualTo(body);
            responses.fields().forEachRemaining(response -> {
                JsonNode documented = response.getValue().has("$ref") ? shared.get(response.getValue().get("$ref")
                        .asText().replace("#/components/responses/", "")) : response.getValue();
                assertThat(documented.path("headers").has("API-Version"))
                        .as(operation + " " + response.getKey() + " names API-Version").isTrue();
            });
        }));
    }

    /** Every operation as "METHOD path operationId [tags]". */
    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(method.getKey().toUpperCase() + " " + path.getKey() + " "
                        + method.getValue().path("operationId").asText() + " " + method.getValue().path("tags"));
            }
        }));
        return operations;
    }
}
