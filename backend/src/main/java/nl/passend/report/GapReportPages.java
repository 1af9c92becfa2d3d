package nl.passend.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import nl.passend.api.model.GapReportDto;
import nl.passend.api.model.GapRowDto;
import nl.passend.reference.ReferenceDataService;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.PageController;
import nl.passend.shared.RefusalWording;

/**
 * The gap report as a page: a heat map of youth region × care type with the reasons, small counts protected exactly
 * as in the API (the same service makes them), the API's filters as a GET form, and the API's CSV for download (the
 * same converter writes it). Beside {@link ReportController}, calling the same {@link GapReportService}.
 */
@PageController
class GapReportPages {

    private final GapReportService gaps;
    private final ReferenceDataService referenceData;
    private final RefusalWording refusals;

    GapReportPages(GapReportService gaps, ReferenceDataService referenceData, RefusalWording refusals) {
        this.refusals = refusals;
        this.gaps = gaps;
        this.referenceData = referenceData;
    }

    /** The API's filters, with the API's range of the waiting threshold. */
    static final class GapForm {

        @Nullable
        private String youthRegion;
        @Nullable
        private String careType;
        @Nullable
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate from;
        @Nullable
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate until;
        @Nullable
        @Min(1)
        @Max(365)
        private Integer waitingLongerThanDays;

        @Nullable
        public String getYouthRegion() {
            return youthRegion;
        }

        public void setYouthRegion(@Nullable String youthRegion) {
            this.youthRegion = youthRegion;
        }

        @Nullable
        public String getCareType() {
            return careType;
        }

        public void setCareType(@Nullable String careType) {
            this.careType = careType;
        }

        @Nullable
        public LocalDate getFrom() {
            return from;
        }

        public void setFrom(@Nullable LocalDate from) {
            this.from = from;
        }

        @Nullable
        public LocalDate getUntil() {
            return until;
        }

        public void setUntil(@Nullable LocalDate until) {
            this.until = until;
        }

        @Nullable
        public Integer getWaitingLongerThanDays() {
            return waitingLongerThanDays;
        }

        public void setWaitingLongerThanDays(@Nullable Integer waitingLongerThanDays) {
            this.waitingLongerThanDays = waitingLongerThanDays;
        }
    }

    /** One cell of the heat map: the rows of the report for a region and care type, one per security level. */
    record Cell(List<GapRowDto> rows, String shade) {
    }

    @GetMapping("/tekorten")
    String report(@Validated @ModelAttribute("filter") GapForm form, BindingResult errors, Model model,
            HttpServletRequest request) {
        // The CSV link asks for the same report: the same filters, as given.
        model.addAttribute("csvLink", "/tekorten.csv"
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        model.addAttribute("regions", referenceData.youthRegionNames());
        model.addAttribute("careTypes", referenceData.careTypeNames());
        if (errors.hasErrors()) {
            return "report/gaps";
        }
        try {
            GapReportDto report = gaps.report(filter(form));
            model.addAttribute("report", report);
            // The period the report covers, shown in the form when it was left out.
            form.setFrom(report.getFrom());
            form.setUntil(report.getUntil());
            form.setWaitingLongerThanDays(report.getWaitingLongerThanDays());
            List<String> careTypes = new ArrayList<>(new TreeSet<>(report.getUnmet().stream()
                    .map(GapRowDto::getCareType).toList()));
            List<String> regionCodes = new ArrayList<>(new TreeSet<>(report.getRuns().stream()
                    .map(run -> run.getYouthRegion()).toList()));
            Map<String, Map<String, Cell>> heat = new LinkedHashMap<>();
            for (String region : regionCodes) {
                Map<String, Cell> row = new LinkedHashMap<>();
                for (String careType : careTypes) {
                    List<GapRowDto> rows = report.getUnmet().stream()
                            .filter(gap -> gap.getYouthRegion().equals(region) && gap.getCareType().equals(careType))
                            .sorted(Comparator.comparing(GapRowDto::getMinSecurityLevel))
                            .toList();
                    row.put(careType, new Cell(rows, shade(rows)));
                }
                heat.put(region, row);
            }
            model.addAttribute("heatCareTypes", careTypes);
            model.addAttribute("heat", heat);
        } catch (InvalidRequestException invalid) {
            refusals.reject(invalid, errors);
        }
        return "report/gaps";
    }

    /** The API's CSV of the same report, written by the API's converter ({@link GapReportCsv}). */
    @GetMapping(path = "/tekorten.csv", produces = "text/csv")
    @ResponseBody
    ResponseEntity<GapReportDto> csv(@Validated @ModelAttribute("filter") GapForm form, BindingResult errors) {
        if (errors.hasErrors()) {
            return ResponseEntity.badRequest().build();
        }
        try {
            // The converter names the charset and the file, as for the API.
            return ResponseEntity.ok(gaps.report(filter(form)));
        } catch (InvalidRequestException invalid) {
            // The page with the same filters names the field; a file has no place for it.
            return ResponseEntity.badRequest().build();
        }
    }

    /** The start page's part: the largest gaps over all regions, largest first. */
    @GetMapping("/tekorten/grootste")
    String largest(Model model) {
        GapReportDto report = gaps.report(gaps.filter(null, null, null, null, null));
        model.addAttribute("largest", report.getUnmet().stream()
                .sorted(Comparator.comparingInt((GapRowDto gap) -> size(gap.getUnplaced())).reversed())
                .limit(5).toList());
        model.addAttribute("regions", referenceData.youthRegionNames());
        model.addAttribute("careTypes", referenceData.careTypeNames());
        return "report/largest :: largest";
    }

    private GapReportService.Filter filter(GapForm form) {
        return gaps.filter(form.getYouthRegion(), form.getCareType(), form.getFrom(), form.getUntil(),
                form.getWaitingLongerThanDays());
    }

    /**
     * The shade of a cell by its largest published count: none, fewer than 5 (or hidden), 5 to 9, 10 or more. The
     * count is always written in the cell; the shade only repeats it.
     */
    static String shade(List<GapRowDto> rows) {
        int largest = rows.stream().mapToInt(row -> size(row.getUnplaced())).max().orElse(0);
        if (largest == 0) {
            return "passend-heat-0";
        }
        return largest < 5 ? "passend-heat-1" : largest < 10 ? "passend-heat-2" : "passend-heat-3";
    }

    /** A published count as a size to order by: {@code <5} and {@code x} as the least they may be. */
    static int size(String published) {
        return switch (published) {
            case "<5" -> 1;
            case "x" -> 5;
            default -> Integer.parseInt(published);
        };
    }
}
