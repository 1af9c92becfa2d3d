package nl.passend.report;

import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import nl.passend.api.model.ContractUsageDto;
import nl.passend.reference.ReferenceDataService;
import nl.passend.shared.PageController;

/**
 * A purchaser's view of how a contract is used: a chart of places against the volume ceiling and euros against the
 * budget, the same figures in a table, and the split per municipality where the report gives it to the reader. The
 * same service as {@link ReportController}'s contract usage, so the same protection of small counts and the same audit.
 */
@PageController
class ContractUsagePages {

    /** From which share of a ceiling a contract is shown on the start page as nearly spent. */
    static final double NEARLY_SPENT_PERCENT = 80;
    private static final int START_PAGE_CONTRACTS = 100;

    private final ContractUsageService contractUsage;
    private final ReferenceDataService referenceData;

    ContractUsagePages(ContractUsageService contractUsage, ReferenceDataService referenceData) {
        this.contractUsage = contractUsage;
        this.referenceData = referenceData;
    }

    @GetMapping("/contracten/{id}/gebruik")
    String usage(@PathVariable long id, Model model) {
        ContractUsageDto usage = contractUsage.usageOf(id, null);
        model.addAttribute("usage", usage);
        Map<String, String> names = referenceData.municipalityNames();
        model.addAttribute("chart", UsageChart.of(usage, LocaleContextHolder.getLocale()));
        model.addAttribute("splitChart", UsageChart.split(usage, names, LocaleContextHolder.getLocale()));
        model.addAttribute("municipalities", names);
        return "report/contract-usage";
    }

    /**
     * The contracts of the purchaser's municipality, valid today, whose places or committed euros have reached
     * {@value #NEARLY_SPENT_PERCENT} % of their ceiling: a part of the start page, loaded by htmx.
     */
    @GetMapping("/contractgebruik/bijna-vol")
    String nearlySpent(Model model) {
        List<ContractUsageDto> nearly = contractUsage.usageOfOwn(null, 0, START_PAGE_CONTRACTS).getContent().stream()
                .filter(ContractUsagePages::nearlySpent).toList();
        model.addAttribute("nearly", nearly);
        return "report/contract-usage :: nearly";
    }

    static boolean nearlySpent(ContractUsageDto usage) {
        boolean places = usage.getVolumeCeiling() != null && usage.getPlacementsNow().matches("\\d+")
                && Long.parseLong(usage.getPlacementsNow()) * 100 >= NEARLY_SPENT_PERCENT * usage.getVolumeCeiling();
        boolean euros = usage.getBudgetCommittedPercent() != null
                && usage.getBudgetCommittedPercent() >= NEARLY_SPENT_PERCENT;
        return places || euros;
    }
}
