package nl.passend.scenario;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import nl.passend.api.model.MatchingRunStatusDto;
import nl.passend.api.model.PurchaseAdviceDto;
import nl.passend.api.model.PurchaseAdviceInputDto;
import nl.passend.security.Actor;
import nl.passend.security.Role;
import nl.passend.support.Tokens;
import nl.passend.support.WebSlice;

/** The web layer of purchase advice: accepted for working out in the background and polled where the answer says. */
@WebSlice
class ScenarioControllerTests {

    private static final RequestPostProcessor PURCHASER = Tokens.as(new Actor("inkoper", Role.PURCHASER, 1));

    @Autowired
    MockMvc mvc;

    @Autowired
    PurchaseAdviceService advice;

    @Test
    void acceptsAdviceAndSaysWhereToFollowIt() throws Exception {
        given(advice.start(any())).willReturn(new PurchaseAdviceDto().id(7L).youthRegion("ACHTERHOEK")
                .status(MatchingRunStatusDto.QUEUED));

        mvc.perform(post("/api/v1/purchase-advice").with(PURCHASER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"youthRegion\": \"ACHTERHOEK\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/purchase-advice/7"))
                .andExpect(jsonPath("$.status").value("QUEUED"));

        verify(advice).start(new PurchaseAdviceInputDto("ACHTERHOEK"));
    }

    @Test
    void refusesAdviceWithoutARegionBeforeAnythingIsQueued() throws Exception {
        mvc.perform(post("/api/v1/purchase-advice").with(PURCHASER).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field").value("youthRegion"));

        verify(advice, never()).start(any());
    }
}
