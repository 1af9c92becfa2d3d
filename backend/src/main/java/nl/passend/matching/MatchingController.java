package nl.passend.matching;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import nl.passend.api.MatchingApi;
import nl.passend.api.model.MatchingApplicationDto;
import nl.passend.api.model.MatchingExplanationDto;
import nl.passend.api.model.MatchingRunDto;
import nl.passend.api.model.MatchingRunInputDto;
import nl.passend.api.model.MatchingRunPageDto;
import nl.passend.api.model.MatchingRunStatusDto;

@RestController
class MatchingController implements MatchingApi {

    private final MatchingRunService runs;

    MatchingController(MatchingRunService runs) {
        this.runs = runs;
    }

    @Override
    public ResponseEntity<MatchingRunPageDto> listMatchingRuns(MatchingRunStatusDto status, Integer page,
            Integer size) {
        return ResponseEntity.ok(runs.list(status, page, size));
    }

    @Override
    public ResponseEntity<MatchingRunDto> startMatchingRun(MatchingRunInputDto input) {
        MatchingRunDto run = runs.start(input);
        URI location = UriComponentsBuilder.fromPath(PATH_GET_MATCHING_RUN).buildAndExpand(run.getId()).toUri();
        return ResponseEntity.accepted().location(location).body(run);
    }

    @Override
    public ResponseEntity<MatchingRunDto> getMatchingRun(Long id) {
        return ResponseEntity.ok(runs.get(id));
    }

    @Override
    public ResponseEntity<MatchingApplicationDto> applyMatchingRun(Long id) {
        return ResponseEntity.ok(runs.apply(id));
    }

    @Override
    public ResponseEntity<MatchingExplanationDto> getReferralExplanation(Long id) {
        return ResponseEntity.ok(runs.explain(id));
    }
}
