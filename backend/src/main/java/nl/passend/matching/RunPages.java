package nl.passend.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import nl.passend.api.model.MatchingApplicationDto;
import nl.passend.api.model.MatchingRunDto;
import nl.passend.api.model.MatchingRunInputDto;
import nl.passend.api.model.MatchingRunPageDto;
import nl.passend.api.model.MatchingRunStatusDto;
import nl.passend.reference.ReferenceDataService;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.PageController;
import nl.passend.shared.RefusalWording;

/**
 * A planner's matching runs as pages: start one, watch it progress in place (htmx polls a part of the page while the
 * run is queued or solving), apply it and read what was proposed and what was skipped and why. The same service as
 * {@link MatchingController}, so the same checks, refusals and audit.
 */
@PageController
class RunPages {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final int PAGE_SIZE = 20;
    /** The status that tells htmx to stop polling. */
    static final int STOP_POLLING = 286;

    private final MatchingRunService runs;
    private final ReferenceDataService referenceData;
    private final Clock clock;
    private final RefusalWording refusals;

    RunPages(MatchingRunService runs, ReferenceDataService referenceData, Clock clock, RefusalWording refusals) {
        this.refusals = refusals;
        this.runs = runs;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /** What the start form sends: the API's input, with the API's range of time limits. */
    static final class RunForm {

        @Nullable
        private String youthRegion;
        @Nullable
        @Min(1)
        @Max(300)
        private Integer timeLimitSeconds = MatchingRunService.DEFAULT_TIME_LIMIT_SECONDS;

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
    }

    @GetMapping("/matching")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        return list(new RunForm(), page, model);
    }

    /** Starts a run; one over an overlapping scope that is still busy is refused, and the refusal shown here. */
    @PostMapping("/matching")
    String start(@Validated @ModelAttribute("run") RunForm form, BindingResult errors, Model model,
            HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                MatchingRunDto run = runs.start(new MatchingRunInputDto().youthRegion(form.getYouthRegion())
                        .timeLimitSeconds(form.getTimeLimitSeconds()));
                return "redirect:/matching/" + run.getId();
            } catch (InvalidRequestException invalid) {
                refusals.reject(invalid, errors);
            } catch (ConflictException conflict) {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("conflict", refusals.of(conflict));
            }
        }
        return list(form, 0, model);
    }

    @GetMapping("/matching/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("run", runs.get(id));
        model.addAttribute("regions", referenceData.youthRegionNames());
        return "matching/run";
    }

    /** The part of a run's page that htmx fetches again every 2 seconds while the run is queued or solving. */
    @GetMapping("/matching/{id}/voortgang")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        MatchingRunDto run = runs.get(id);
        if (run.getStatus() == MatchingRunStatusDto.DONE || run.getStatus() == MatchingRunStatusDto.FAILED) {
            // htmx stops polling on this status, and still shows the answer.
            response.setStatus(STOP_POLLING);
        }
        model.addAttribute("run", run);
        return "matching/run :: progress";
    }

    /**
     * Applies a finished run and shows what it proposed and skipped, after a redirect (the answer travels as a flash
     * attribute). A second apply, or one of a run not DONE, is refused with the service's words on the run's page.
     */
    @PostMapping("/matching/{id}/toepassen")
    String apply(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            MatchingApplicationDto application = runs.apply(id, refusals::of);
            redirect.addFlashAttribute("applied", application);
            return "redirect:/matching/" + id;
        } catch (ConflictException conflict) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", refusals.of(conflict));
            return show(id, model);
        }
    }

    /** The start page's part: runs in progress, and those finished since yesterday. */
    @GetMapping("/matching/vandaag")
    String today(Model model) {
        List<MatchingRunDto> busy = new ArrayList<>();
        busy.addAll(runs.list(MatchingRunStatusDto.SOLVING, 0, PAGE_SIZE).getContent());
        busy.addAll(runs.list(MatchingRunStatusDto.QUEUED, 0, PAGE_SIZE).getContent());
        busy.sort(Comparator.comparing(MatchingRunDto::getId));
        OffsetDateTime since = LocalDate.now(clock.withZone(DUTCH_TIME)).minusDays(1).atStartOfDay(DUTCH_TIME)
                .toOffsetDateTime();
        List<MatchingRunDto> finished = new ArrayList<>();
        for (MatchingRunStatusDto status : List.of(MatchingRunStatusDto.DONE, MatchingRunStatusDto.FAILED)) {
            runs.list(status, 0, PAGE_SIZE).getContent().stream()
                    .filter(run -> run.getFinishedAt() != null && !run.getFinishedAt().isBefore(since))
                    .forEach(finished::add);
        }
        finished.sort(Comparator.comparing(MatchingRunDto::getFinishedAt).reversed());
        model.addAttribute("busy", busy);
        model.addAttribute("finished", finished);
        model.addAttribute("regions", referenceData.youthRegionNames());
        return "matching/today :: today";
    }

    private String list(RunForm form, int page, Model model) {
        MatchingRunPageDto found = runs.list(null, Math.max(0, page), PAGE_SIZE);
        Map<String, String> regions = referenceData.youthRegionNames();
        model.addAttribute("run", form);
        model.addAttribute("runs", found.getContent());
        model.addAttribute("page", found.getPage());
        model.addAttribute("regions", regions);
        return "matching/runs";
    }
}
