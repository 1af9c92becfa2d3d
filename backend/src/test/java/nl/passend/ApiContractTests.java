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
