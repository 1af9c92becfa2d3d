package nl.passend.report;

import java.net.URI;
import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import nl.passend.api.ReportsApi;
import nl.passend.api.model.ContractUsagePageDto;
import nl.passend.api.model.GapReportDto;
import nl.passend.api.model.PurchaseAdviceDto;
import nl.passend.api.model.ScenarioDto;
import nl.passend.api.model.ScenarioInputDto;
import nl.passend.api.model.ScenarioPageDto;

@RestController
class ReportController implements ReportsApi {

    private final GapReportService gaps;
    private final ContractUsageService contractUsage;
    private final ScenarioService scenarios;
    private final PurchaseAdviceService advice;

    ReportController(GapReportService gaps, ContractUsageService contractUsage, ScenarioService scenarios,
            PurchaseAdviceService advice) {
        this.gaps = gaps;
        this.contractUsage = contractUsage;
        this.scenarios = scenarios;
        this.advice = advice;
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

    @Override
    public ResponseEntity<ScenarioDto> startScenario(ScenarioInputDto input) {
        ScenarioDto scenario = scenarios.start(input);
        URI location = UriComponentsBuilder.fromPath(PATH_GET_SCENARIO).buildAndExpand(scenario.getId()).toUri();
        return ResponseEntity.accepted().location(location).body(scenario);
    }

    @Override
    public ResponseEntity<ScenarioPageDto> listScenarios(Integer page, Integer size) {
        return ResponseEntity.ok(scenarios.list(page, size));
    }

    @Override
    public ResponseEntity<ScenarioDto> getScenario(Long id) {
        return ResponseEntity.ok(scenarios.get(id));
    }

    @Override
    public ResponseEntity<PurchaseAdviceDto> getPurchaseAdvice(String youthRegion) {
        return ResponseEntity.ok(advice.advise(youthRegion));
    }
}
