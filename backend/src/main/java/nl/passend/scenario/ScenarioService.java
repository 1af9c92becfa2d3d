package nl.passend.scenario;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.api.model.ContractCareTypeDto;
import nl.passend.api.model.MatchingRunStatusDto;
import nl.passend.api.model.ScenarioChangeDto;
import nl.passend.api.model.ScenarioDto;
import nl.passend.api.model.ScenarioInputDto;
import nl.passend.api.model.ScenarioPageDto;
import nl.passend.api.model.ScenarioResultDto;
import nl.passend.audit.AuditAction;
import nl.passend.audit.AuditTrail;
import nl.passend.matching.SolvingJobs;
import nl.passend.reference.ReferenceDataService;
import nl.passend.security.CurrentActor;
import nl.passend.security.Role;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;
import nl.passend.shared.Refusal;
import nl.passend.shared.TimeMapping;
import nl.passend.shared.Violation;

/** Queues what-if scenarios after checking every change against today's data, and shows them. */
@Service
@Transactional
class ScenarioService {

    static final int DEFAULT_TIME_LIMIT_SECONDS = 10;

    private final ScenarioRepository scenarios;
    private final ReferenceDataService referenceData;
    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final SolvingJobs jobs;
    private final ObjectMapper json;
    private final Clock clock;

    ScenarioService(ScenarioRepository scenarios, ReferenceDataService referenceData, JdbcClient jdbc,
            CurrentActor currentActor, AuditTrail audit, SolvingJobs jobs, ObjectMapper json,
            Clock clock) {
        this.scenarios = scenarios;
        this.referenceData = referenceData;
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.audit = audit;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    ScenarioDto start(ScenarioInputDto input) {
        if (input.getYouthRegion() != null) {
            referenceData.requireYouthRegion("youthRegion", input.getYouthRegion());
        }
        normalise(input.getChanges());
        validate(input.getChanges());
        int timeLimit = input.getTimeLimitSeconds() == null ? DEFAULT_TIME_LIMIT_SECONDS : input.getTimeLimitSeconds();
        Scenario scenario = scenarios.saveAndFlush(new Scenario(input.getYouthRegion(), timeLimit,
                write(input.getChanges()), currentActor.get().username(), clock.instant()));
        audit.record(AuditAction.CREATE, "scenario", scenario.getId());
        jobs.queue(ScenarioRunner.TASK, scenario.getId());
        return toDto(scenario, false);
    }

    ScenarioPageDto list(int page, int size) {
        Page<Scenario> found = scenarios.findAll(
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("id"))));
        found.forEach(scenario -> audit.record(AuditAction.READ, "scenario", scenario.getId()));
        return new ScenarioPageDto(found.map(scenario -> toDto(scenario, false)).getContent(), Paging.metadata(found));
    }

    ScenarioDto get(long id) {
        Scenario scenario = scenarios.findById(id).orElseThrow(() -> new NotFoundException("scenario", id));
        audit.record(AuditAction.READ, "scenario", id);
        return toDto(scenario, true);
    }

    /** Where a new offer stands and whom its contract covers when a change names no one. */
    @Transactional(readOnly = true)
    SupplyChanges.Context context(@Nullable String youthRegion) {
        Map<String, double[]> centroids = new HashMap<>();
        Set<String> coverage = new LinkedHashSet<>();
        jdbc.sql("select code, latitude, longitude, youth_region_code from municipality").query((rs, i) -> {
            centroids.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
            if (youthRegion == null || youthRegion.equals(rs.getString(4))) {
                coverage.add(rs.getString(1));
            }
            return null;
        }).list();
        return new SupplyChanges.Context(centroids, coverage);
    }

    List<ScenarioChangeDto> changes(Scenario scenario) {
        try {
            return json.readValue(scenario.getChanges(), new TypeReference<List<ScenarioChangeDto>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The changes of scenario " + scenario.getId() + " are unreadable", e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An explicit {@code null} for a list is an empty list; a change that is {@code null} is refused. */
    private static void normalise(List<ScenarioChangeDto> changes) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            ScenarioChangeDto change = changes.get(i);
            if (change == null) {
                violations.add(new Violation("changes[" + i + "]", Refusal.of("refusal.field.changeNotNull")));
                continue;
            }
            change.setSpecialisms(change.getSpecialisms() == null ? new LinkedHashSet<>() : change.getSpecialisms());
            change.setMunicipalities(change.getMunicipalities() == null ? new LinkedHashSet<>()
                    : change.getMunicipalities());
            change.setCareTypes(change.getCareTypes() == null ? new ArrayList<>() : change.getCareTypes());
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    /** Every field each kind of change needs, and every id and code it names, against today's data. */
    private void validate(List<ScenarioChangeDto> changes) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            ScenarioChangeDto change = changes.get(i);
            String at = "changes[" + i + "].";
            switch (change.getKind()) {
                case EXTRA_PLACES -> {
                    require(violations, at + "offerId", change.getOfferId());
                    require(violations, at + "places", change.getPlaces());
                    if (change.getOfferId() != null && !exists("select count(*) from offer where id = ? and active = true",
                            change.getOfferId())) {
                        violations.add(new Violation(at + "offerId", Refusal.of("refusal.field.noActiveOffer")));
                    }
                }
                case NEW_OFFER -> {
                    require(violations, at + "careType", change.getCareType());
                    require(violations, at + "securityLevel", change.getSecurityLevel());
                    require(violations, at + "municipality", change.getMunicipality());
                    require(violations, at + "places", change.getPlaces());
                    require(violations, at + "dailyTariff", change.getDailyTariff());
                    if (change.getMinAge() != null && change.getMaxAge() != null
                            && change.getMinAge() > change.getMaxAge()) {
                        violations.add(new Violation(at + "minAge", Refusal.of("refusal.field.notAboveMaxAge")));
                    }
                    if (change.getCareType() != null) {
                        referenceData.requireCareType(at + "careType", change.getCareType());
                    }
                    if (change.getMunicipality() != null) {
                        referenceData.requireMunicipality(at + "municipality", change.getMunicipality());
                    }
                    referenceData.requireSpecialisms(at + "specialisms", change.getSpecialisms());
                    referenceData.requireMunicipalities(at + "municipalities", change.getMunicipalities());
                }
                case CONTRACT_EXTENSION -> {
                    requireContract(violations, at, change.getContractId());
                    if (change.getMunicipalities().isEmpty() && change.getCareTypes().isEmpty()) {
                        violations.add(new Violation(at + "municipalities",
                                Refusal.of("refusal.field.extensionNamesNothing")));
                    }
                    referenceData.requireMunicipalities(at + "municipalities", change.getMunicipalities());
                    for (ContractCareTypeDto careType : change.getCareTypes()) {
                        referenceData.requireCareType(at + "careTypes", careType.getCareType());
                    }
                }
                case RAISED_CEILING -> {
                    requireContract(violations, at, change.getContractId());
                    if (change.getVolumeCeiling() == null && change.getBudgetCeiling() == null) {
                        violations.add(new Violation(at + "volumeCeiling", Refusal.of("refusal.field.noCeilingGiven")));
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private void requireContract(List<Violation> violations, String at, @Nullable Long contractId) {
        require(violations, at + "contractId", contractId);
        if (contractId != null && !exists("select count(*) from contract where id = ?", contractId)) {
            violations.add(new Violation(at + "contractId", Refusal.of("refusal.field.noContract")));
        }
    }

    private static void require(List<Violation> violations, String field, @Nullable Object value) {
        if (value == null) {
            violations.add(new Violation(field, Refusal.of("refusal.field.requiredForKind")));
        }
    }

    private boolean exists(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single() > 0;
    }

    private ScenarioDto toDto(Scenario scenario, boolean withResult) {
        ScenarioDto dto = new ScenarioDto(scenario.getId(), MatchingRunStatusDto.valueOf(scenario.getStatus().name()),
                scenario.getTimeLimitSeconds(), changes(scenario), scenario.getRequestedBy(),
                TimeMapping.toOffsetDateTime(scenario.getRequestedAt()))
                .youthRegion(scenario.getYouthRegionCode())
                .startedAt(TimeMapping.toOffsetDateTime(scenario.getStartedAt()))
                .finishedAt(TimeMapping.toOffsetDateTime(scenario.getFinishedAt()))
                .failure(scenario.getFailure());
        if (withResult && scenario.getResult() != null) {
            try {
                ScenarioResultDto result = json.readValue(scenario.getResult(), ScenarioResultDto.class);
                if (!currentActor.get().is(Role.PURCHASER)) {
                    result.costPerYearChange(null);
                    result.getToday().costPerYear(null);
                    result.getChanged().costPerYear(null);
                }
                dto.result(result);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The result of scenario " + scenario.getId() + " is unreadable", e);
            }
        }
        return dto;
    }
}
