package nl.passend.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.passend.api.model.ReferralClosingDto;
import nl.passend.api.model.ReferralDto;
import nl.passend.api.model.ReferralInputDto;
import nl.passend.api.model.ReferralPageDto;
import nl.passend.api.model.ReferralStatusDto;
import nl.passend.api.model.YouthInputDto;
import nl.passend.reference.ReferenceDataService;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.PageController;
import nl.passend.shared.RefusalWording;
import nl.passend.shared.StaleVersionException;

/**
 * A probation officer's referrals as pages: the organisation's list with waiting days, the form to refer a youth and
 * a referral with its history. The same service as {@link ReferralController}, so the same checks and audit.
 */
@PageController
class ReferralPages {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final int PAGE_SIZE = 20;
    private static final List<ReferralStatusDto> WAITING = List.of(ReferralStatusDto.OPEN, ReferralStatusDto.PROPOSED);

    private final ReferralService referrals;
    private final ReferenceDataService referenceData;
    private final Clock clock;
    private final RefusalWording refusals;

    ReferralPages(ReferralService referrals, ReferenceDataService referenceData, Clock clock, RefusalWording refusals) {
        this.refusals = refusals;
        this.referrals = referrals;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /** A referral as a row of a list: how many days the youth has been waiting for a place, while waiting. */
    record Row(ReferralDto referral, Long waitingDays) {
    }

    @GetMapping("/verwijzingen")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        ReferralPageDto found = referrals.list(null, null, Math.max(0, page), PAGE_SIZE, List.of("createdAt", "desc"));
        model.addAttribute("rows", rows(found));
        model.addAttribute("page", found.getPage());
        return "referral/list";
    }

    /** The open referrals, longest waiting first: a fragment of the start page, loaded by htmx. */
    @GetMapping("/verwijzingen/open")
    String open(Model model) {
        ReferralPageDto found = referrals.list(ReferralStatusDto.OPEN, null, 0, PAGE_SIZE,
                List.of("createdAt", "asc"));
        model.addAttribute("rows", rows(found));
        model.addAttribute("page", found.getPage());
        return "referral/list :: rows";
    }

    @GetMapping("/verwijzingen/nieuw")
    String form(Model model) {
        ReferralInputDto referral = new ReferralInputDto();
        referral.setYouth(new YouthInputDto());
        return form(referral, UUID.randomUUID().toString(), model);
    }

    /**
     * Refers a youth. The form's idempotency key makes a second submit (a double click, a retry after a network
     * error) answer the referral the first made, as in the API.
     */
    @PostMapping("/verwijzingen")
    String create(@Validated @ModelAttribute("referral") ReferralInputDto input, BindingResult errors,
            @RequestParam String idempotencyKey, Model model) {
        if (errors.hasErrors()) {
            return form(input, idempotencyKey, model);
        }
        try {
            ReferralDto referral = referrals.create(input, idempotencyKey);
            return "redirect:/verwijzingen/" + referral.getId();
        } catch (InvalidRequestException invalid) {
            refusals.reject(invalid, errors);
        } catch (ConflictException conflict) {
            errors.reject("conflict", refusals.of(conflict));
        }
        return form(input, idempotencyKey, model);
    }

    @GetMapping("/verwijzingen/{id}")
    String show(@PathVariable long id, Model model) {
        return detail(id, model);
    }

    /** Withdraws the referral, with a reason and the version the page showed, as the API does. */
    @PostMapping("/verwijzingen/{id}/intrekken")
    String withdraw(@PathVariable long id, @Validated @ModelAttribute("closing") ReferralClosingDto closing,
            BindingResult errors, Model model) {
        return close(id, closing, errors, ReferralStatus.WITHDRAWN, model);
    }

    /** Cancels the referral, for example after a new decision of the judge. */
    @PostMapping("/verwijzingen/{id}/annuleren")
    String cancel(@PathVariable long id, @Validated @ModelAttribute("closing") ReferralClosingDto closing,
            BindingResult errors, Model model) {
        return close(id, closing, errors, ReferralStatus.CANCELLED, model);
    }

    private String close(long id, ReferralClosingDto closing, BindingResult errors, ReferralStatus closed,
            Model model) {
        if (!errors.hasErrors()) {
            try {
                referrals.close(id, closing, closed);
                return "redirect:/verwijzingen/" + id;
            } catch (InvalidRequestException invalid) {
                refusals.reject(invalid, errors);
            } catch (ConflictException | StaleVersionException conflict) {
                model.addAttribute("conflict", refusals.of(conflict));
            }
        }
        return detail(id, model);
    }

    private String detail(long id, Model model) {
        ReferralDto referral = referrals.get(id);
        model.addAttribute("closable", ReferralStatus.CLOSABLE.contains(ReferralStatus.valueOf(referral.getStatus().name())));
        if (!model.containsAttribute("closing") || model.containsAttribute("conflict")) {
            // A new form, or after a conflict one with the version as it is now and the reason as typed.
            ReferralClosingDto closing = (ReferralClosingDto) model.getAttribute("closing");
            model.addAttribute("closing", new ReferralClosingDto(closing == null ? null : closing.getReason(),
                    referral.getVersion()));
        }
        model.addAttribute("referral", referral);
        model.addAttribute("waitingDays", waitingDays(referral));
        model.addAttribute("history", referrals.history(id));
        model.addAttribute("municipalities", referenceData.municipalityNames());
        return "referral/detail";
    }

    private String form(ReferralInputDto referral, String idempotencyKey, Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("municipalities", referenceData.municipalityNames());
        return "referral/form";
    }

    private List<Row> rows(ReferralPageDto found) {
        return found.getContent().stream().map(referral -> new Row(referral, waitingDays(referral))).toList();
    }

    private Long waitingDays(ReferralDto referral) {
        if (!WAITING.contains(referral.getStatus())) {
            return null;
        }
        LocalDate referred = referral.getCreatedAt().atZoneSameInstant(DUTCH_TIME).toLocalDate();
        return ChronoUnit.DAYS.between(referred, LocalDate.now(clock.withZone(DUTCH_TIME)));
    }
}
