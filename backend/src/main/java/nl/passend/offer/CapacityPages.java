package nl.passend.offer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import nl.passend.api.model.CapacityReportDto;
import nl.passend.api.model.OfferDto;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.PageController;
import nl.passend.shared.RefusalWording;
import nl.passend.shared.StaleVersionException;

/**
 * A provider's daily capacity report as one page: a row per own offer with its total places and the places taken by
 * youths placed outside Passend, saved in one submit, all or none ({@link OfferService#reportCapacities}, the API's
 * capacity operation for each offer, on the version read). Free places are derived, never typed in (DESIGN.md).
 * Another provider's offer in the form is not found (404 page), as in the API.
 */
@PageController
class CapacityPages {

    private final OfferService offers;
    private final RefusalWording refusals;

    CapacityPages(OfferService offers, RefusalWording refusals) {
        this.refusals = refusals;
        this.offers = offers;
    }

    /** The form: one report per offer, bound as {@code reports[i].totalPlaces} and so on. */
    public static class CapacityForm {

        @Valid
        private List<Report> reports = new ArrayList<>();

        public List<Report> getReports() {
            return reports;
        }

        public void setReports(List<Report> reports) {
            this.reports = reports;
        }
    }

    /** One offer's report: the API's capacity report, with its checks, and the offer it is for. */
    public static class Report extends CapacityReportDto {

        @NotNull
        private Long offerId;

        public Long getOfferId() {
            return offerId;
        }

        public void setOfferId(Long offerId) {
            this.offerId = offerId;
        }
    }

    @GetMapping("/capaciteit")
    String form(Model model) {
        List<OfferDto> own = offers.own();
        return form(asRead(own), own, model);
    }

    @PostMapping("/capaciteit")
    String save(@Validated @ModelAttribute("capacity") CapacityForm form, BindingResult errors, Model model,
            HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                offers.reportCapacities(form.getReports().stream()
                        .map(report -> new OfferService.OfferCapacity(report.getOfferId(), report)).toList());
                return "redirect:/capaciteit?opgeslagen";
            } catch (InvalidRequestException invalid) {
                refusals.reject(invalid, errors);
            } catch (ConflictException | StaleVersionException refused) {
                // Nothing was saved. Shown as they are now, so that what the other changed is seen, not overwritten.
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("conflict", refusals.of(refused));
                List<OfferDto> own = offers.own();
                model.addAttribute("sent", byId(form.getReports().stream()
                        .filter(report -> report.getOfferId() != null).toList(), Report::getOfferId));
                return form(asRead(own), own, model);
            }
        }
        return form(form, offers.own(), model);
    }

    private String form(CapacityForm form, List<OfferDto> own, Model model) {
        model.addAttribute("capacity", form);
        model.addAttribute("offers", byId(own, OfferDto::getId));
        return "offer/capacity";
    }

    /** The form as the offers are now: their figures and the versions they are at. */
    private static CapacityForm asRead(List<OfferDto> own) {
        CapacityForm form = new CapacityForm();
        for (OfferDto offer : own) {
            Report report = new Report();
            report.setOfferId(offer.getId());
            report.setTotalPlaces(offer.getTotalPlaces());
            report.setExternallyOccupied(offer.getExternallyOccupied());
            report.setVersion(offer.getVersion());
            form.getReports().add(report);
        }
        return form;
    }

    private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }
}
