package nl.passend.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.lang.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import nl.passend.api.model.MatchingRunStatusDto;
import nl.passend.api.model.PurchaseAdviceDto;
import nl.passend.api.model.PurchaseAdviceInputDto;
import nl.passend.api.model.ScenarioChangeDto;
import nl.passend.api.model.ScenarioChangeKindDto;
import nl.passend.api.model.ScenarioDto;
import nl.passend.api.model.ScenarioInputDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.reference.ReferenceDataService;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.PageController;
import nl.passend.shared.RefusalWording;

/**
 * Scenarios and purchase advice side by side, as pages: start a what-if scenario (one change to today's supply) or
 * ask for advice for a youth region, and watch each be worked out in the background (htmx polls a part of its page
 * until it is done). The same services as {@link ScenarioController}, so the same checks, audit, and euros only for
 * purchasers.
 */
@PageController
class ScenarioPages {

    private static final int PAGE_SIZE = 10;
    /** The status that tells htmx to stop polling. */
    private static final int STOP_POLLING = 286;

    private final ScenarioService scenarios;
    private final PurchaseAdviceService advice;
    private final ReferenceDataService referenceData;
    private final ScenarioProperties properties;
    private final RefusalWording refusals;

    ScenarioPages(ScenarioService scenarios, PurchaseAdviceService advice, ReferenceDataService referenceData,
            ScenarioProperties properties, RefusalWording refusals) {
        this.refusals = refusals;
        this.scenarios = scenarios;
        this.advice = advice;
        this.referenceData = referenceData;
        this.properties = properties;
    }

    /** A scenario of one change, as the form sends it: the API's input, with the API's ranges. */
    static final class ScenarioForm {

        @Nullable
        private String youthRegion;
        @Nullable
        @Min(1)
        @Max(300)
        private Integer timeLimitSeconds = ScenarioService.DEFAULT_TIME_LIMIT_SECONDS;
        @Nullable
        @NotNull
        private ScenarioChangeKindDto kind;
        @Nullable
        @Min(1)
        private Long offerId;
        @Nullable
        @Min(1)
        @Max(500)
        private Integer places;
        @Nullable
        @Min(1)
        private Long contractId;
        private Set<String> municipalities = new LinkedHashSet<>();
        @Nullable
        private String careType;
        @Nullable
        private SecurityLevelDto securityLevel;
        @Nullable
        private String municipality;
        @Nullable
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("100000")
        private Double dailyTariff;
        @Nullable
        @Min(1)
        @Max(10000)
        private Integer volumeCeiling;
        @Nullable
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("1000000000")
        private Double budgetCeiling;

        ScenarioInputDto toInput() {
            ScenarioChangeDto change = new ScenarioChangeDto(kind).offerId(offerId).places(places)
                    .contractId(contractId).municipalities(new LinkedHashSet<>(municipalities)).careType(careType)
                    .securityLevel(securityLevel).municipality(municipality).dailyTariff(dailyTariff)
                    .volumeCeiling(volumeCeiling).budgetCeiling(budgetCeiling);
            return new ScenarioInputDto(new ArrayList<>(List.of(change))).youthRegion(youthRegion)
                    .timeLimitSeconds(timeLimitSeconds);
        }

        @Nullable
        public String getYouthRegion() {
            return youthRegion;
        }

        public void setYouthRegion(@Nullable String youthRegion) {
            this.youthRegion = youthRegion;
        }

        @Nullable
        public Integer getTimeLimitSeconds() {
            return timeLimitSeconds;
        }

        public void setTimeLimitSeconds(@Nullable Integer timeLimitSeconds) {
            this.timeLimitSeconds = timeLimitSeconds;
        }

        @Nullable
        public ScenarioChangeKindDto getKind() {
            return kind;
        }

        public void setKind(@Nullable ScenarioChangeKindDto kind) {
            this.kind = kind;
        }

        @Nullable
        public Long getOfferId() {
            return offerId;
        }

        public void setOfferId(@Nullable Long offerId) {
            this.offerId = offerId;
        }

        @Nullable
        public Integer getPlaces() {
            return places;
        }

        public void setPlaces(@Nullable Integer places) {
            this.places = places;
        }

        @Nullable
        public Long getContractId() {
            return contractId;
        }

        public void setContractId(@Nullable Long contractId) {
            this.contractId = contractId;
        }

        public Set<String> getMunicipalities() {
            return municipalities;
        }

        public void setMunicipalities(@Nullable Set<String> municipalities) {
            this.municipalities = municipalities == null ? new LinkedHashSet<>() : municipalities;
        }

        @Nullable
        public String getCareType() {
            return careType;
        }

        public void setCareType(@Nullable String careType) {
            this.careType = careType;
        }

        @Nullable
        public SecurityLevelDto getSecurityLevel() {
            return securityLevel;
        }

        public void setSecurityLevel(@Nullable SecurityLevelDto securityLevel) {
            this.securityLevel = securityLevel;
        }

        @Nullable
        public String getMunicipality() {
            return municipality;
        }

        public void setMunicipality(@Nullable String municipality) {
            this.municipality = municipality;
        }

        @Nullable
        public Double getDailyTariff() {
            return dailyTariff;
        }

        public void setDailyTariff(@Nullable Double dailyTariff) {
            this.dailyTariff = dailyTariff;
        }

        @Nullable
        public Integer getVolumeCeiling() {
            return volumeCeiling;
        }

        public void setVolumeCeiling(@Nullable Integer volumeCeiling) {
            this.volumeCeiling = volumeCeiling;
        }

        @Nullable
        public Double getBudgetCeiling() {
            return budgetCeiling;
        }

        public void setBudgetCeiling(@Nullable Double budgetCeiling) {
            this.budgetCeiling = budgetCeiling;
        }
    }

    /** What the advice form sends: the youth region whose gaps the advice answers. */
    static final class AdviceForm {

        @Nullable
        @NotBlank
        private String youthRegion;

        @Nullable
        public String getYouthRegion() {
            return youthRegion;
        }

        public void setYouthRegion(@Nullable String youthRegion) {
            this.youthRegion = youthRegion;
        }
    }

    @GetMapping("/scenarios")
    String overview(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int advicePage,
            Model model) {
        return overview(new ScenarioForm(), new AdviceForm(), page, advicePage, model);
    }

    /** Starts a scenario; a change that lacks what its kind needs, or names nothing real, is shown by its field. */
    @PostMapping("/scenarios")
    String start(@Validated @ModelAttribute("scenario") ScenarioForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                ScenarioDto scenario = scenarios.start(form.toInput());
                return "redirect:/scenarios/" + scenario.getId();
            } catch (InvalidRequestException invalid) {
                // The service names a change's field as changes[0].<field>: the form has one change.
                refusals.reject(invalid, errors, field -> field.replaceFirst("^changes\\[0]\\.", ""));
            }
        }
        return overview(form, new AdviceForm(), 0, 0, model);
    }

    @GetMapping("/scenarios/{id}")
    String scenario(@PathVariable long id, Model model) {
        model.addAttribute("scenario", scenarios.get(id));
        names(model);
        return "scenario/scenario";
    }

    /** The part of a scenario's page that htmx fetches again every 2 seconds until the scenario is worked out. */
    @GetMapping("/scenarios/{id}/voortgang")
    String scenarioProgress(@PathVariable long id, Model model, HttpServletResponse response) {
        ScenarioDto scenario = scenarios.get(id);
        stopPollingOnceFinished(scenario.getStatus(), response);
        model.addAttribute("scenario", scenario);
        names(model);
        return "scenario/scenario :: progress";
    }

    @PostMapping("/scenarios/advies")
    String ask(@Validated @ModelAttribute("advice") AdviceForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                PurchaseAdviceDto queued = advice.start(new PurchaseAdviceInputDto(form.getYouthRegion()));
                return "redirect:/scenarios/advies/" + queued.getId();
            } catch (InvalidRequestException invalid) {
                refusals.reject(invalid, errors);
            }
        }
        return overview(new ScenarioForm(), form, 0, 0, model);
    }

    @GetMapping("/scenarios/advies/{id}")
    String advice(@PathVariable long id, Model model) {
        model.addAttribute("advice", advice.get(id));
        names(model);
        tryTimeLimit(model);
        return "scenario/advice";
    }

    /** The part of an advice's page that htmx fetches again every 2 seconds until the advice is worked out. */
    @GetMapping("/scenarios/advies/{id}/voortgang")
    String adviceProgress(@PathVariable long id, Model model, HttpServletResponse response) {
        PurchaseAdviceDto found = advice.get(id);
        stopPollingOnceFinished(found.getStatus(), response);
        model.addAttribute("advice", found);
        names(model);
        tryTimeLimit(model);
        return "scenario/advice :: progress";
    }

    private String overview(ScenarioForm scenario, AdviceForm asked, int page, int advicePage, Model model) {
        model.addAttribute("scenario", scenario);
        model.addAttribute("advice", asked);
        model.addAttribute("scenarios", scenarios.list(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("advices", advice.list(Math.max(0, advicePage), PAGE_SIZE));
        names(model);
        model.addAttribute("municipalities", referenceData.municipalityNames());
        return "scenario/overview";
    }

    /**
     * A candidate tried as a scenario matches with the time the advice gave each candidate, in whole seconds as the
     * advice records it, so that it places the youths the advice promised.
     */
    private void tryTimeLimit(Model model) {
        model.addAttribute("tryTimeLimit", Math.max(1, (properties.adviceTimeLimit().toMillis() + 999) / 1000));
    }

    private void names(Model model) {
        model.addAttribute("municipalityNames", referenceData.municipalityNames());
        model.addAttribute("regions", referenceData.youthRegionNames());
        model.addAttribute("careTypes", referenceData.careTypeNames());
    }

    private static void stopPollingOnceFinished(MatchingRunStatusDto status, HttpServletResponse response) {
        if (status == MatchingRunStatusDto.DONE || status == MatchingRunStatusDto.FAILED) {
            response.setStatus(STOP_POLLING);
        }
    }
}
