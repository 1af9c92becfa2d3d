package nl.passend.scenario;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import nl.passend.matching.MatchingFacts;
import nl.passend.matching.MatchingRunner;

/**
 * Solves queued scenarios on the matching executor: the scope's open referrals on today's supply and on the changed
 * copy, each within the time limit. Like a matching run, a scenario that a stop interrupts is FAILED, never left
 * SOLVING.
 */
@Component
class ScenarioRunner implements SmartLifecycle {

    static final String INTERRUPTED = "The application stopped before the scenario was solved; start it again.";
    static final String FAILED = "The scenario failed on the server; start it again, and tell the administrator if "
            + "this happens again.";

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);

    private final ScenarioRepository scenarios;
    private final ScenarioService service;
    private final MatchingFacts facts;
    private final MatchingRunner matching;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile boolean running;

    ScenarioRunner(ScenarioRepository scenarios, ScenarioService service, MatchingFacts facts,
            MatchingRunner matching, TransactionTemplate transactions, Clock clock) {
        this.scenarios = scenarios;
        this.service = service;
        this.facts = facts;
        this.matching = matching;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void start() {
        Integer interrupted = transactions.execute(status -> scenarios.failInterrupted(INTERRUPTED, clock.instant()));
        if (interrupted != null && interrupted > 0) {
            LOG.warn("Marked {} scenario(s) that a stop interrupted as FAILED", interrupted);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return MatchingRunner.SOLVING_PHASE;
    }

    @TransactionalEventListener
    void queued(ScenarioService.Queued queued) {
        matching.execute(() -> solve(queued.scenarioId()));
    }

    private void solve(long id) {
        try {
            Scenario scenario = update(id, queued -> queued.start(clock.instant()));
            MatchingFacts.Facts today = facts.load(scenario.getYouthRegionCode());
            MatchingFacts.Facts changed = SupplyChanges.apply(today, service.changes(scenario),
                    service.context(scenario.getYouthRegionCode()));
            Duration limit = Duration.ofSeconds(scenario.getTimeLimitSeconds());
            Figures before = Figures.of(matching.solve(today, limit), today);
            Figures after = Figures.of(matching.solve(changed, limit), changed);
            if (!matching.isRunning()) {
                update(id, solving -> solving.fail(INTERRUPTED, clock.instant()));
                return;
            }
            String result = service.write(after.comparedWith(before));
            update(id, solving -> solving.finish(result, clock.instant()));
        } catch (RuntimeException | Error e) {
            LOG.error("Scenario {} failed", id, e);
            update(id, failed -> failed.fail(FAILED, clock.instant()));
        }
    }

    private Scenario update(long id, Consumer<Scenario> change) {
        return transactions.execute(status -> {
            Scenario scenario = scenarios.findById(id).orElseThrow();
            change.accept(scenario);
            return scenario;
        });
    }
}
