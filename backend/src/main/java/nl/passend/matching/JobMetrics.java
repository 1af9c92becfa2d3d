package nl.passend.matching;

import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.persistence.EntityManager;

/**
 * The jobs of every instance, by kind and status, as operators read them on {@code /actuator/prometheus}
 * ({@code passend_jobs}): counted in the database at each scrape, so that every instance reports the same totals.
 * What only one instance knows, it reports itself: solve time ({@code passend.jobs.solve.time}) and takeovers
 * ({@code passend.jobs.takeovers}), in {@link SolvingJobs}.
 */
@Component
class JobMetrics implements MeterBinder {

    private final EntityManager entities;
    private final List<SolvingJobs.Kind<?>> kinds;

    JobMetrics(EntityManager entities, List<SolvingJobs.Kind<?>> kinds) {
        this.entities = entities;
        this.kinds = kinds;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (SolvingJobs.Kind<?> kind : kinds) {
            for (MatchingRunStatus status : MatchingRunStatus.values()) {
                Gauge.builder("passend.jobs", () -> count(kind, status))
                        .description("Jobs in the database, by kind and status")
                        .tag("kind", kind.name()).tag("status", status.name())
                        .register(registry);
            }
        }
    }

    private long count(SolvingJobs.Kind<?> kind, MatchingRunStatus status) {
        String query = "select count(j) from " + kind.type().getSimpleName() + " j where j.status = :status";
        return entities.createQuery(query, Long.class).setParameter("status", status).getSingleResult();
    }
}
