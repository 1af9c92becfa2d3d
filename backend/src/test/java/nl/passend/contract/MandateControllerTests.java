package nl.passend.contract;

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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import nl.passend.api.model.MandateDto;
import nl.passend.api.model.MandateStatusDto;
import nl.passend.security.Actor;
import nl.passend.security.Role;
import nl.passend.support.Tokens;
import nl.passend.support.WebSlice;

/** The mandates' web layer: what the controller adds to the service, for a purchaser. */
@WebSlice
class MandateControllerTests {

    private static final RequestPostProcessor PURCHASER = Tokens.as(new Actor("inkoper", Role.PURCHASER, 1));

    @Autowired
    MockMvc mvc;

    @Autowired
    MandateService mandates;

    @Autowired
    ContractService contracts;

    @Test
    void answersAGrantWithWhereTheNewMandateLives() throws Exception {
        given(mandates.grant(any())).willReturn(new MandateDto(42L, "GM0200", "GM0222", Set.of("43"),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), MandateStatusDto.ACTIVE,
                OffsetDateTime.parse("2026-11-30T12:00:00Z"), 0L));

        mvc.perform(post("/api/v1/mandates").with(PURCHASER).contentType(MediaType.APPLICATION_JSON).content("""
                        {"grantingMunicipality": "GM0200", "leadMunicipality": "GM0222", "careTypes": ["43"],
                         "validFrom": "2027-01-01", "validUntil": "2027-12-31"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/mandates/42"))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void refusesABodyThatBreaksTheContractBeforeTheServiceSeesIt() throws Exception {
        mvc.perform(post("/api/v1/mandates").with(PURCHASER).contentType(MediaType.APPLICATION_JSON).content("""
                        {"grantingMunicipality": "GM0200", "leadMunicipality": "GM0222", "careTypes": ["43"],
                         "validFrom": "2027-01-01"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field").value("validUntil"));
        mvc.perform(post("/api/v1/mandates/1/revocation").with(PURCHASER).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("version"));
        mvc.perform(post("/api/v1/contracts/1/confirmation").with(PURCHASER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": -1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("version"));

        verify(mandates, never()).grant(any());
        verify(mandates, never()).revoke(anyLong(), any());
        verify(contracts, never()).confirm(anyLong(), any());
    }

    @Test
    void passesFiltersAndPagingToTheServiceWithTheContractsDefaults() throws Exception {
        mvc.perform(get("/api/v1/mandates?grantingMunicipality=GM0200&status=REVOKED&validOn=2027-06-01")
                        .with(PURCHASER))
                .andExpect(status().isOk());

        verify(mandates).list("GM0200", null, null, LocalDate.of(2027, 6, 1), MandateStatusDto.REVOKED, 0, 20, null);
    }

    @Test
    void passesTheVersionOfAConfirmationAndADeclineToTheService() throws Exception {
        mvc.perform(post("/api/v1/contracts/3/confirmation").with(PURCHASER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 4}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/contracts/3/decline").with(PURCHASER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 5}")).andExpect(status().isOk());

        verify(contracts).confirm(3L, 4L);
        verify(contracts).decline(3L, 5L);
    }
}
