package nl.passend.scenario;

import java.time.Clock;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import nl.passend.matching.SolvingJobs;

/**
 * Works out purchase advice as a job of {@link SolvingJobs}. The euros are stored only for advice that a purchaser
 * asked for: what the job may show was decided at the request, not by whoever is signed in now (no one is).
 */
@Component
class PurchaseAdviceRunner implements SolvingJobs.Kind<PurchaseAdvice> {

    /** Its db-scheduler task. */
    static final String TASK = "purchase-advice";

    private final PurchaseAdvisor advisor;
    private final ScenarioService scenarios;
    private final Clock clock;

    PurchaseAdviceRunner(PurchaseAdvisor advisor, ScenarioService scenarios, Clock clock) {
        this.advisor = advisor;
        this.scenarios = scenarios;
        this.clock = clock;
    }

    @Bean
    OneTimeTask<Void> purchaseAdviceTask(SolvingJobs jobs) {
        return jobs.task(this);
    }

    @Override
    public String name() {
        return TASK;
    }

    @Override
    public Class<PurchaseAdvice> type() {
        return PurchaseAdvice.class;
    }

    @Override
    public Consumer<PurchaseAdvice> solve(PurchaseAdvice job, Consumer<Consumer<PurchaseAdvice>> progress) {
        PurchaseAdvisor.Advice advice = advisor.advise(job.getYouthRegionCode());
        String withoutEuros = scenarios.write(advice.withoutEuros());
        String withEuros = job.isWithEuros() ? scenarios.write(advice.withEuros()) : null;
        return done -> done.finish(withoutEuros, withEuros, clock.instant());
    }
}
