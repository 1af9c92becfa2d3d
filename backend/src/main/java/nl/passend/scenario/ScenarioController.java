package nl.passend.scenario;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import nl.passend.api.ScenariosApi;
import nl.passend.api.model.PurchaseAdviceDto;
import nl.passend.api.model.PurchaseAdviceInputDto;
import nl.passend.api.model.PurchaseAdvicePageDto;
import nl.passend.api.model.ScenarioDto;
import nl.passend.api.model.ScenarioInputDto;
import nl.passend.api.model.ScenarioPageDto;

@RestController
class ScenarioController implements ScenariosApi {

    private final ScenarioService scenarios;
    private final PurchaseAdviceService advice;

    ScenarioController(ScenarioService scenarios, PurchaseAdviceService advice) {
        this.scenarios = scenarios;
        this.advice = advice;
    }

    /** Accepted, not created: the scenario is solved in the background, and its location tells where to look. */
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

    /** Accepted like a scenario: the advice takes seconds of solving, which no request waits for. */
    @Override
    public ResponseEntity<PurchaseAdviceDto> startPurchaseAdvice(PurchaseAdviceInputDto input) {
        PurchaseAdviceDto queued = advice.start(input);
        URI location = UriComponentsBuilder.fromPath(PATH_GET_PURCHASE_ADVICE).buildAndExpand(queued.getId()).toUri();
        return ResponseEntity.accepted().location(location).body(queued);
    }

    @Override
    public ResponseEntity<PurchaseAdvicePageDto> listPurchaseAdvice(Integer page, Integer size) {
        return ResponseEntity.ok(advice.list(page, size));
    }

    @Override
    public ResponseEntity<PurchaseAdviceDto> getPurchaseAdvice(Long id) {
        return ResponseEntity.ok(advice.get(id));
    }
}
