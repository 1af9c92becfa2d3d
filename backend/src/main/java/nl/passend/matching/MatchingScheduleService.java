package nl.passend.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

import nl.passend.api.model.MatchingScheduleDto;
import nl.passend.api.model.MatchingScheduleInputDto;
import nl.passend.api.model.MatchingSchedulePageDto;
import nl.passend.audit.RegistryEdits;
import nl.passend.reference.ReferenceDataService;
import nl.passend.security.Actor;
import nl.passend.security.CurrentActor;
import nl.passend.security.Role;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;
import nl.passend.shared.Refusal;
import nl.passend.shared.TimeMapping;

/**
 * Recurring matching. Each schedule is an execution of one db-scheduler recurring task with the schedule as its data
 * (a persistent schedule), written in the transaction that writes the schedule: whichever instance is free runs each
 * occurrence, once across all instances. An occurrence starts a run as the schedule ({@code passend-schedule-N}, a
 * planner of its creator's organisation); one over a scope that is busy is skipped, as a planner's start would be
 * refused; a run it started that is DONE is applied at once if the schedule says so.
 */
@Service
@Transactional
class MatchingScheduleService {

    /** Its db-scheduler task. */
    static final String TASK = "matching-schedule";
    private static final ZoneId REGION_TIME = ZoneId.of("Europe/Amsterdam");
    private static final Logger LOG = LoggerFactory.getLogger(MatchingScheduleService.class);

    /** What db-scheduler keeps of a schedule: when it occurs, and which schedule it is. */
    record Occurrences(CronSchedule cron, long scheduleId) implements ScheduleAndData {

        @Override
        public Schedule getSchedule() {
            return cron;
        }

        @Override
        public Object getData() {
            return scheduleId;
        }
    }

    private final MatchingScheduleRepository schedules;
    private final MatchingRunService runs;
    private final ReferenceDataService referenceData;
    private final RegistryEdits edits;
    private final CurrentActor currentActor;
    private final ObjectProvider<Scheduler> scheduler;
    private final TransactionTemplate transactions;
    private final MatchingMapper mapper;
    private final MatchingProperties properties;
    private final Clock clock;
    private final RecurringTaskWithPersistentSchedule<Occurrences> task = Tasks
            .recurringWithPersistentSchedule(TASK, Occurrences.class)
            .execute((instance, context) -> fire(instance.getData().scheduleId()));

    MatchingScheduleService(MatchingScheduleRepository schedules, MatchingRunService runs,
            ReferenceDataService referenceData, RegistryEdits edits, CurrentActor currentActor,
            ObjectProvider<Scheduler> scheduler, TransactionTemplate transactions, MatchingMapper mapper,
            MatchingProperties properties, Clock clock) {
        this.schedules = schedules;
        this.runs = runs;
        this.referenceData = referenceData;
        this.edits = edits;
        this.currentActor = currentActor;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    RecurringTaskWithPersistentSchedule<Occurrences> matchingScheduleTask() {
        return task;
    }

    @Transactional(readOnly = true)
    MatchingSchedulePageDto list(int page, int size) {
        Page<MatchingSchedule> found = schedules.findAll(PageRequest.of(page, size, Sort.by("id")));
        return new MatchingSchedulePageDto(found.map(this::toDto).getContent(), Paging.metadata(found));
    }

    @Transactional(readOnly = true)
    MatchingScheduleDto get(long id) {
        return toDto(find(id));
    }

    MatchingScheduleDto create(MatchingScheduleInputDto input) {
        CronSchedule cron = validate(input);
        Actor actor = currentActor.get();
        MatchingSchedule schedule = new MatchingSchedule(actor.organisationId(), actor.username(), clock.instant());
        describe(schedule, input);
        MatchingScheduleDto created = edits.create(schedules, "matching_schedule", schedule, this::toDto);
        scheduler.getObject().schedule(task.schedulableInstance(String.valueOf(schedule.getId()),
                new Occurrences(cron, schedule.getId())));
        return created;
    }

    MatchingScheduleDto update(long id, MatchingScheduleInputDto input) {
        CronSchedule cron = validate(input);
        MatchingScheduleDto changed = edits.update(schedules, "matching_schedule", find(id), input.getVersion(),
                schedule -> describe(schedule, input), this::toDto);
        Occurrences occurrences = new Occurrences(cron, id);
        if (!scheduler.getObject().reschedule(TaskInstanceId.of(TASK, String.valueOf(id)), next(cron), occurrences)) {
            throw new ConflictException(Refusal.of("refusal.schedule.starting", id));
        }
        return changed;
    }

    void delete(long id) {
        edits.delete(schedules, "matching_schedule", find(id), "nothing");
        // The runs it started stay; its next occurrences go.
        scheduler.getObject().cancel(TaskInstanceId.of(TASK, String.valueOf(id)));
    }

    /** One occurrence, on whichever instance picked it up. */
    void fire(long id) {
        transactions.executeWithoutResult(status -> {
            Optional<MatchingSchedule> found = schedules.findById(id);
            if (found.isEmpty()) {
                return;
            }
            MatchingSchedule schedule = found.get();
            Optional<MatchingRun> run = currentActor.runAs(actor(schedule), () -> runs.queue(
                    schedule.getYouthRegionCode(), schedule.getTimeLimitSeconds(), schedule));
            if (run.isEmpty()) {
                LOG.info("Matching schedule {} skipped an occurrence: a run over an overlapping scope is busy", id);
                return;
            }
            schedule.started(run.get().getId());
        });
    }

    /** Applies a DONE run that a schedule started, if the schedule (still) says so. */
    void applyIfAsked(MatchingRun run) {
        Optional<MatchingSchedule> schedule = Optional.ofNullable(run.getScheduleId()).flatMap(schedules::findById)
                .filter(MatchingSchedule::isApplyWhenDone);
        if (schedule.isPresent()) {
            try {
                currentActor.runAs(actor(schedule.get()), () -> runs.apply(run.getId()));
            } catch (ConflictException alreadyApplied) {
                LOG.info("Matching run {} of schedule {} was not applied: {}", run.getId(), schedule.get().getId(),
                        alreadyApplied.getMessage());
            }
        }
    }

    private static Actor actor(MatchingSchedule schedule) {
        return new Actor("passend-schedule-" + schedule.getId(), Role.PLANNER, schedule.getOrganisationId());
    }

    private MatchingSchedule find(long id) {
        return schedules.findById(id).orElseThrow(() -> new NotFoundException("matching schedule", id));
    }

    private void describe(MatchingSchedule schedule, MatchingScheduleInputDto input) {
        schedule.describe(input.getYouthRegion(), input.getCron().strip(),
                input.getTimeLimitSeconds() == null ? MatchingRunService.DEFAULT_TIME_LIMIT_SECONDS
                        : input.getTimeLimitSeconds(),
                Boolean.TRUE.equals(input.getApplyWhenDone()));
    }

    private CronSchedule validate(MatchingScheduleInputDto input) {
        if (input.getYouthRegion() != null) {
            referenceData.requireYouthRegion("youthRegion", input.getYouthRegion());
        }
        CronSchedule cron;
        try {
            cron = new CronSchedule(input.getCron().strip(), REGION_TIME);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("cron", "is not a cron expression of six fields (second minute hour "
                    + "day-of-month month day-of-week)");
        }
        Instant first = next(cron);
        Duration apart = first == null ? Duration.ZERO : Duration.between(first, after(cron, first));
        if (apart.compareTo(properties.scheduleMinInterval()) < 0) {
            throw new InvalidRequestException("cron", "must occur at most once every "
                    + properties.scheduleMinInterval().toMinutes() + " minutes");
        }
        return cron;
    }

    @Nullable
    private Instant next(CronSchedule cron) {
        return after(cron, clock.instant());
    }

    @Nullable
    private static Instant after(Schedule cron, Instant moment) {
        return cron.getNextExecutionTime(ExecutionComplete.simulatedSuccess(moment));
    }

    private MatchingScheduleDto toDto(MatchingSchedule schedule) {
        MatchingScheduleDto dto = mapper.toDto(schedule);
        dto.setNextRunAt(TimeMapping.toOffsetDateTime(next(new CronSchedule(schedule.getCron(), REGION_TIME))));
        return dto;
    }
}
