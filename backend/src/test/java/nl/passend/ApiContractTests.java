package nl.passend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The running application serves exactly the operations of the hand-written contract in api-spec, no more, no fewer. */
@SpringBootTest
@AutoConfigureMockMvc
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

    /** Every operation as "METHOD path operationId". */
    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(method.getKey().toUpperCase() + " " + path.getKey() + " "
                        + method.getValue().path("operationId").asText());
            }
        }));
        return operations;
    }
}
