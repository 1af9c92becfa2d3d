package nl.passend.scenario;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import nl.passend.matching.MatchingFacts;
import nl.passend.matching.MatchingRunner;
import nl.passend.matching.SolvingJobs;

/**
 * Solves a scenario as a job of {@link SolvingJobs}: the scope's open referrals on today's supply and on the changed
 * copy, each within the time limit, with the engine of the matching runs.
 */
@Component
class ScenarioRunner implements SolvingJobs.Kind<Scenario> {

    /** Its db-scheduler task. */
    static final String TASK = "scenario";

    private final ScenarioService service;
    private final MatchingFacts facts;
    private final MatchingRunner matching;
    private final Clock clock;

    ScenarioRunner(ScenarioService service, MatchingFacts facts, MatchingRunner matching, Clock clock) {
        this.service = service;
        this.facts = facts;
        this.matching = matching;
        this.clock = clock;
    }

    @Bean
    OneTimeTask<Void> scenarioTask(SolvingJobs jobs) {
        return jobs.task(this);
    }

    @Override
    public String name() {
        return TASK;
    }

    @Override
    public Class<Scenario> type() {
        return Scenario.class;
    }

    @Override
    public Consumer<Scenario> solve(Scenario scenario, Consumer<Consumer<Scenario>> progress) {
        MatchingFacts.Facts today = facts.load(scenario.getYouthRegionCode());
        MatchingFacts.Facts changed = SupplyChanges.apply(today, service.changes(scenario),
                service.context(scenario.getYouthRegionCode()));
        Duration limit = Duration.ofSeconds(scenario.getTimeLimitSeconds());
        Figures before = Figures.of(matching.solve(today, limit), today);
        Figures after = Figures.of(matching.solve(changed, limit), changed);
        String result = service.write(after.comparedWith(before));
        return done -> done.finish(result, clock.instant());
    }
}
