package nl.passend.organisation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import nl.passend.api.model.OrganisationDto;
import nl.passend.api.model.OrganisationTypeDto;
import nl.passend.security.Actor;
import nl.passend.security.Role;
import nl.passend.support.Tokens;
import nl.passend.support.WebSlice;

/**
 * The organisation registry's web layer, and through it how the error handler answers what goes wrong around a
 * controller, for a caller the operation is open to.
 */
@WebSlice
class OrganisationControllerTests {

    private static final RequestPostProcessor ADMIN = Tokens.as(new Actor("admin", Role.ADMIN, 1));

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Test
    void answersAnUnexpectedFailureWithoutRevealingAnythingOfTheInside() throws Exception {
        given(organisations.get(anyLong())).willThrow(
                new IllegalStateException("could not execute statement [select secret from user_account]"));

        mvc.perform(get("/api/v1/organisations/1").with(ADMIN))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passend.nl/problems/internal-error"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("select"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("IllegalStateException"))));
    }

    @Test
    void givesTheFrameworksOwnRefusalsAStableType() throws Exception {
        mvc.perform(post("/api/v1/organisations").with(ADMIN).contentType(MediaType.TEXT_PLAIN).content("name=x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://passend.nl/problems/unsupported-media-type"));
    }

    @Test
    void namesAnEnumFieldWithTheValuesItTakes() throws Exception {
        mvc.perform(post("/api/v1/organisations").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"type\": \"BAKERY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("type"))
                .andExpect(jsonPath("$.violations[0].message").value(Matchers.containsString("CARE_PROVIDER")));
    }

    @Test
    void answersACreationWithWhereTheNewOrganisationLives() throws Exception {
        given(organisations.create(any())).willReturn(new OrganisationDto().id(42L).name("Veiligheidshuis")
                .type(OrganisationTypeDto.SAFETY_HOUSE).active(true).version(0L));

        mvc.perform(post("/api/v1/organisations").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Veiligheidshuis\", \"type\": \"SAFETY_HOUSE\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/organisations/42"))
                .andExpect(jsonPath("$.id").value(42));
    }

    @Test
    void refusesABodyThatBreaksTheContractBeforeTheServiceSeesIt() throws Exception {
        mvc.perform(post("/api/v1/organisations").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"POLICE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field").value("name"));

        verify(organisations, never()).create(any());
    }

    @Test
    void passesFiltersAndPagingToTheServiceWithTheContractsDefaults() throws Exception {
        mvc.perform(get("/api/v1/organisations?type=MUNICIPALITY&name=doetin").with(ADMIN))
                .andExpect(status().isOk());

        verify(organisations).list(OrganisationTypeDto.MUNICIPALITY, null, "doetin", null, 0, 20, null);
    }
}
