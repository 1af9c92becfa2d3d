package nl.passend.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.passend.api.model.AuditActionDto;
import nl.passend.api.model.AuditEventPageDto;
import nl.passend.shared.PageController;

/**
 * The audit trail for an administrator (JOURNEYS.md, "An administrator looks back"): every read and change, by whom,
 * from which organisation, filtered as the API's list filters ({@link AuditEventController}), newest first and in
 * pages. A period is given in whole days of Dutch time, both days included.
 */
@PageController
class AuditPages {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final int PAGE_SIZE = 50;
    private static final int RECENT = 10;

    private final AuditTrail trail;
    private final OrganisationNames organisations;

    AuditPages(AuditTrail trail, OrganisationNames organisations) {
        this.trail = trail;
        this.organisations = organisations;
    }

    @GetMapping("/beheer/audit")
    String list(@RequestParam(required = false) String username,
            @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) AuditActionDto action,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String resourceId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var filter = new AuditTrail.Filter(username, organisationId, action, resourceType, resourceId,
                from == null ? null : startOf(from), until == null ? null : startOf(until.plusDays(1)));
        AuditEventPageDto found = trail.list(filter, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("events", found.getContent());
        model.addAttribute("page", found.getPage());
        model.addAttribute("filter", filter);
        model.addAttribute("recent", false);
        model.addAttribute("from", from);
        model.addAttribute("until", until);
        model.addAttribute("organisations", organisations.names());
        return "audit/list";
    }

    /** The latest events: a fragment of the administrator's start page, loaded by htmx. */
    @GetMapping("/beheer/audit/recent")
    String recent(Model model) {
        AuditEventPageDto found = trail.list(new AuditTrail.Filter(null, null, null, null, null, null, null), 0,
                RECENT);
        model.addAttribute("events", found.getContent());
        model.addAttribute("page", found.getPage());
        model.addAttribute("organisations", organisations.names());
        model.addAttribute("recent", true);
        return "audit/list :: events";
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(DUTCH_TIME).toOffsetDateTime();
    }
}
