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
import nl.passend.api.model.MatchingScheduleDto;
import nl.passend.api.model.MatchingScheduleInputDto;
import nl.passend.api.model.MatchingSchedulePageDto;

@RestController
class MatchingController implements MatchingApi {

    private final MatchingRunService runs;
    private final MatchingScheduleService schedules;

    MatchingController(MatchingRunService runs, MatchingScheduleService schedules) {
        this.runs = runs;
        this.schedules = schedules;
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

    @Override
    public ResponseEntity<MatchingSchedulePageDto> listMatchingSchedules(Integer page, Integer size) {
        return ResponseEntity.ok(schedules.list(page, size));
    }

    @Override
    public ResponseEntity<MatchingScheduleDto> createMatchingSchedule(MatchingScheduleInputDto input) {
        MatchingScheduleDto schedule = schedules.create(input);
        URI location = UriComponentsBuilder.fromPath(PATH_GET_MATCHING_SCHEDULE).buildAndExpand(schedule.getId())
                .toUri();
        return ResponseEntity.created(location).body(schedule);
    }

    @Override
    public ResponseEntity<MatchingScheduleDto> getMatchingSchedule(Long id) {
        return ResponseEntity.ok(schedules.get(id));
    }

    @Override
    public ResponseEntity<MatchingScheduleDto> updateMatchingSchedule(Long id, MatchingScheduleInputDto input) {
        return ResponseEntity.ok(schedules.update(id, input));
    }

    @Override
    public ResponseEntity<Void> deleteMatchingSchedule(Long id) {
        schedules.delete(id);
        return ResponseEntity.noContent().build();
    }
}
