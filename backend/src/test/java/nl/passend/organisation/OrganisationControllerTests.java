package nl.passend.organisation;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import nl.passend.shared.ProblemWriter;

/**
 * The web slice of one feature: how the error handler answers what goes wrong around a controller. Security has tests
 * of its own; its filters are left out here.
 */
@WebMvcTest(OrganisationController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ProblemWriter.class)
class OrganisationControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrganisationService organisations;

    @Test
    void answersAnUnexpectedFailureWithoutRevealingAnythingOfTheInside() throws Exception {
        given(organisations.get(anyLong())).willThrow(
                new IllegalStateException("could not execute statement [select secret from user_account]"));

        mvc.perform(get("/api/v1/organisations/1"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passend.nl/problems/internal-error"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("select"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("IllegalStateException"))));
    }

    @Test
    void givesTheFrameworksOwnRefusalsAStableType() throws Exception {
        mvc.perform(patch("/api/v1/organisations/1"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("https://passend.nl/problems/method-not-allowed"));
        mvc.perform(post("/api/v1/organisations").contentType(MediaType.TEXT_PLAIN).content("name=x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://passend.nl/problems/unsupported-media-type"));
        mvc.perform(get("/api/v1/no-such-thing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passend.nl/problems/not-found"));
    }

    @Test
    void namesAnEnumFieldWithTheValuesItTakes() throws Exception {
        mvc.perform(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"type\": \"BAKERY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("type"))
                .andExpect(jsonPath("$.violations[0].message").value(Matchers.containsString("CARE_PROVIDER")));
    }
}
