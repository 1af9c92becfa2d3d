package nl.passend.matching;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import nl.passend.api.model.MatchingRunDto;
import nl.passend.api.model.MatchingRunInputDto;
import nl.passend.api.model.MatchingRunStatusDto;
import nl.passend.security.Actor;
import nl.passend.security.Role;
import nl.passend.support.Tokens;
import nl.passend.support.WebSlice;

/** The matching runs' web layer: a run is accepted for solving and polled where the answer says. */
@WebSlice
class MatchingControllerTests {

    private static final RequestPostProcessor PLANNER = Tokens.as(new Actor("planner", Role.PLANNER, 1));

    @Autowired
    MockMvc mvc;

    @Autowired
    MatchingRunService runs;

    @Test
    void acceptsARunAndSaysWhereToFollowIt() throws Exception {
        given(runs.start(any())).willReturn(new MatchingRunDto().id(7L).status(MatchingRunStatusDto.QUEUED));

        mvc.perform(post("/api/v1/matching-runs").with(PLANNER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"youthRegion\": \"ACHTERHOEK\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/matching-runs/7"))
                .andExpect(jsonPath("$.status").value("QUEUED"));

        verify(runs).start(new MatchingRunInputDto().youthRegion("ACHTERHOEK").timeLimitSeconds(10));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 301})
    void refusesATimeLimitOutsideTheContractBeforeAnythingIsQueued(int seconds) throws Exception {
        mvc.perform(post("/api/v1/matching-runs").with(PLANNER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"timeLimitSeconds\": " + seconds + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field").value("timeLimitSeconds"));

        verify(runs, never()).start(any());
    }
}
