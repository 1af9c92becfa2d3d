package nl.passend.report;

import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import nl.passend.api.ReportsApi;
import nl.passend.api.model.ContractUsagePageDto;
import nl.passend.api.model.GapReportDto;

@RestController
class ReportController implements ReportsApi {

    private final GapReportService gaps;
    private final ContractUsageService contractUsage;

    ReportController(GapReportService gaps, ContractUsageService contractUsage) {
        this.gaps = gaps;
        this.contractUsage = contractUsage;
    }

    @Override
    public ResponseEntity<GapReportDto> getGapReport(String youthRegion, String careType, LocalDate from,
            LocalDate until, Integer waitingLongerThanDays) {
        return ResponseEntity.ok(gaps.report(gaps.filter(youthRegion, careType, from, until, waitingLongerThanDays)));
    }

    @Override
    public ResponseEntity<ContractUsagePageDto> getContractUsage(LocalDate on, String municipality, Integer page,
            Integer size) {
        return ResponseEntity.ok(contractUsage.usage(on, municipality, page, size));
    }
}
