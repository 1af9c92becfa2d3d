package nl.passend.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import nl.passend.api.model.PlacementDeclineDto;
import nl.passend.api.model.PlacementDto;
import nl.passend.api.model.PlacementEndDto;
import nl.passend.api.model.PlacementPageDto;
import nl.passend.api.model.PlacementStartDto;
import nl.passend.api.model.PlacementStatusDto;
import nl.passend.api.model.VersionOnlyDto;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.PageController;
import nl.passend.shared.RefusalWording;
import nl.passend.shared.StaleVersionException;

/**
 * A provider's intake as pages (JOURNEYS.md, "A provider's intake answers within days"): the proposals for its own
 * offers with the youth's age, gender and needs only, to accept or decline with a coded reason; its placements to
 * start and end with a JZ588 reason; and what needs doing today, for the start page. The same service as
 * {@link PlacementController}, so the same checks, the same minimum of youth data and the same audit.
 */
@PageController
class IntakePages {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final int PAGE_SIZE = 20;
    /** How far ahead the start page looks for care that starts: a week. */
    private static final int STARTING_WITHIN_DAYS = 7;
    /** How far ahead the start page looks for care that ends: the six weeks in which the return home is prepared. */
    private static final int ENDING_WITHIN_DAYS = 42;
    /** What the start page reads of accepted and started placements; a provider has far fewer at once. */
    private static final int TODAY_SIZE = 100;

    private final PlacementService placements;
    private final Clock clock;
    private final RefusalWording refusals;

    IntakePages(PlacementService placements, Clock clock, RefusalWording refusals) {
        this.refusals = refusals;
        this.placements = placements;
        this.clock = clock;
    }

    /** A proposal as a row of a list: how many whole days it has waited for an answer. */
    record Row(PlacementDto placement, long waitingDays) {
    }

    @GetMapping("/voorstellen")
    String proposals(@RequestParam(defaultValue = "0") int page, Model model) {
        PlacementPageDto found = placements.list(PlacementStatusDto.PROPOSED, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("rows", found.getContent().stream().map(p -> new Row(p, waitingDays(p))).toList());
        model.addAttribute("page", found.getPage());
        return "placement/proposals";
    }

    @GetMapping("/voorstellen/{id}")
    String proposal(@PathVariable long id, Model model) {
        PlacementDto placement = placements.get(id);
        return proposal(placement, new PlacementDeclineDto().version(placement.getVersion()), model);
    }

    /**
     * Accepts the proposal on the version read. The place is taken at once: a refusal (the last place went to another
     * proposal, someone answered first) is shown on the proposal's page, and nothing changes.
     */
    @PostMapping("/voorstellen/{id}/accepteren")
    String accept(@PathVariable long id, @RequestParam long version, Model model, HttpServletResponse response) {
        try {
            placements.accept(id, new VersionOnlyDto(version));
            return "redirect:/plaatsingen/" + id + "?geaccepteerd";
        } catch (ConflictException | StaleVersionException refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", refusals.of(refused));
        }
        PlacementDto placement = placements.get(id);
        return proposal(placement, new PlacementDeclineDto().version(placement.getVersion()), model);
    }

    /** Declines the proposal with a coded reason; OTHER needs a note, as the service says. */
    @PostMapping("/voorstellen/{id}/afwijzen")
    String decline(@PathVariable long id, @Validated @ModelAttribute("decline") PlacementDeclineDto input,
            BindingResult errors, Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                placements.decline(id, input);
                return "redirect:/voorstellen?afgewezen=" + id;
            } catch (InvalidRequestException invalid) {
                refusals.reject(invalid, errors);
            } catch (ConflictException | StaleVersionException refused) {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("conflict", refusals.of(refused));
            }
        }
        return proposal(placements.get(id), input, model);
    }

    /** The accepted placements, to start, and the started ones, to end: each list with pages of its own. */
    @GetMapping("/plaatsingen")
    String placementsInCare(@RequestParam(defaultValue = "0") int accepted,
            @RequestParam(defaultValue = "0") int started, Model model) {
        PlacementPageDto toStart = placements.list(PlacementStatusDto.ACCEPTED, Math.max(0, accepted), PAGE_SIZE);
        PlacementPageDto inCare = placements.list(PlacementStatusDto.STARTED, Math.max(0, started), PAGE_SIZE);
        model.addAttribute("accepted", toStart);
        model.addAttribute("started", inCare);
        return "placement/placements";
    }

    @GetMapping("/plaatsingen/{id}")
    String placement(@PathVariable long id, Model model) {
        PlacementDto placement = placements.get(id);
        return placement(placement, new PlacementStartDto().startedOn(today()).version(placement.getVersion()),
                new PlacementEndDto().endedOn(today()).version(placement.getVersion()), model);
    }

    @PostMapping("/plaatsingen/{id}/start")
    String start(@PathVariable long id, @Validated @ModelAttribute("start") PlacementStartDto input,
            BindingResult errors, Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                placements.start(id, input);
                return "redirect:/plaatsingen/" + id + "?gestart";
            } catch (InvalidRequestException invalid) {
                refusals.reject(invalid, errors);
            } catch (ConflictException | StaleVersionException refused) {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("conflict", refusals.of(refused));
            }
        }
        PlacementDto placement = placements.get(id);
        return placement(placement, input, new PlacementEndDto().endedOn(today()).version(placement.getVersion()),
                model);
    }

    @PostMapping("/plaatsingen/{id}/einde")
    String end(@PathVariable long id, @Validated @ModelAttribute("end") PlacementEndDto input,
            BindingResult errors, Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                placements.end(id, input);
                return "redirect:/plaatsingen/" + id + "?beeindigd";
            } catch (InvalidRequestException invalid) {
                refusals.reject(invalid, errors);
            } catch (ConflictException | StaleVersionException refused) {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("conflict", refusals.of(refused));
            }
        }
        PlacementDto placement = placements.get(id);
        return placement(placement, new PlacementStartDto().startedOn(today()).version(placement.getVersion()), input,
                model);
    }

    /**
     * What needs doing today, a fragment of the start page loaded by htmx: the proposals waiting for an answer (how
     * many, and the one waiting longest), accepted care that should start within a week and care that ends within
     * six weeks.
     */
    @GetMapping("/voorstellen/vandaag")
    String today(Model model) {
        PlacementPageDto waiting = placements.list(PlacementStatusDto.PROPOSED, 0, 1);
        long count = waiting.getPage().getTotalElements();
        // The list is the latest proposal first: the oldest is the last one.
        PlacementDto oldest = count == 0 ? null
                : placements.list(PlacementStatusDto.PROPOSED, Math.toIntExact(count - 1), 1).getContent().stream()
                        .findFirst().orElse(null);
        LocalDate today = today();
        List<PlacementDto> starting = new ArrayList<>(placements.list(PlacementStatusDto.ACCEPTED, 0, TODAY_SIZE)
                .getContent().stream()
                .filter(p -> !p.getNeeds().getRequestedStart().isAfter(today.plusDays(STARTING_WITHIN_DAYS)))
                .toList());
        starting.sort(Comparator.comparing(p -> p.getNeeds().getRequestedStart()));
        List<PlacementDto> ending = new ArrayList<>(placements.list(PlacementStatusDto.STARTED, 0, TODAY_SIZE)
                .getContent().stream()
                .filter(p -> p.getExpectedEnd() != null
                        && !p.getExpectedEnd().isAfter(today.plusDays(ENDING_WITHIN_DAYS)))
                .toList());
        ending.sort(Comparator.comparing(PlacementDto::getExpectedEnd));
        model.addAttribute("waitingCount", count);
        model.addAttribute("oldest", oldest == null ? null : new Row(oldest, waitingDays(oldest)));
        model.addAttribute("starting", starting);
        model.addAttribute("ending", ending);
        return "placement/today :: today";
    }

    private String proposal(PlacementDto placement, PlacementDeclineDto decline, Model model) {
        model.addAttribute("placement", placement);
        model.addAttribute("waitingDays", waitingDays(placement));
        model.addAttribute("decline", decline);
        return "placement/proposal";
    }

    private String placement(PlacementDto placement, PlacementStartDto start, PlacementEndDto end, Model model) {
        model.addAttribute("placement", placement);
        model.addAttribute("start", start);
        model.addAttribute("end", end);
        return "placement/placement";
    }

    private long waitingDays(PlacementDto placement) {
        LocalDate proposed = placement.getProposedAt().atZoneSameInstant(DUTCH_TIME).toLocalDate();
        return ChronoUnit.DAYS.between(proposed, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DUTCH_TIME));
    }
}
