package nl.passend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;

import nl.passend.api.model.AuditActionDto;
import nl.passend.security.Actor;
import nl.passend.security.Role;
import nl.passend.support.PersistenceTest;

@PersistenceTest
class AuditEventRepositoryTests {

    private static final OffsetDateTime TEN = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final Actor ANNA = new Actor("anna", Role.PROVIDER_INTAKE, 1);
    private static final Actor BRAM = new Actor("bram", Role.PURCHASER, 2);

    @Autowired
    AuditEventRepository events;

    long created;
    long updated;
    long read;
    long deleted;

    /** Anna creates offer 7 at ten, Bram updates it at eleven as Anna reads referral 3; Anna deletes offer 8 at 12. */
    @BeforeEach
    void record() {
        created = record(TEN, ANNA, AuditAction.CREATE, "offer", "7");
        updated = record(TEN.plusHours(1), BRAM, AuditAction.UPDATE, "offer", "7");
        read = record(TEN.plusHours(1), ANNA, AuditAction.READ, "referral", "3");
        deleted = record(TEN.plusHours(2), ANNA, AuditAction.DELETE, "offer", "8");
    }

    @Test
    void listsEveryEventNewestFirstTheLaterIdFirstAtTheSameMoment() {
        assertThat(search(new AuditTrail.Filter(null, null, null, null, null, null, null)))
                .containsExactly(deleted, read, updated, created);
        Page<AuditEvent> second = events.search(new AuditTrail.Filter(null, null, null, null, null, null, null), 1, 3);
        assertThat(second.map(AuditEvent::getId)).containsExactly(created);
        assertThat(second.getTotalElements()).isEqualTo(4);
    }

    @Test
    void findsEventsByWhoDidThemWhatWasDoneAndToWhat() {
        assertThat(search(new AuditTrail.Filter("anna", null, null, null, null, null, null)))
                .containsExactly(deleted, read, created);
        assertThat(search(new AuditTrail.Filter(null, 2L, null, null, null, null, null))).containsExactly(updated);
        assertThat(search(new AuditTrail.Filter(null, null, AuditActionDto.UPDATE, null, null, null, null)))
                .containsExactly(updated);
        assertThat(search(new AuditTrail.Filter(null, null, null, "offer", null, null, null)))
                .containsExactly(deleted, updated, created);
        assertThat(search(new AuditTrail.Filter(null, null, null, "offer", "7", null, null)))
                .containsExactly(updated, created);
        assertThat(search(new AuditTrail.Filter("anna", null, AuditActionDto.UPDATE, null, null, null, null)))
                .isEmpty();
    }

    @Test
    void findsEventsFromTheFirstMomentUpToButNotIncludingTheLast() {
        assertThat(search(new AuditTrail.Filter(null, null, null, null, null, TEN.plusHours(1), null)))
                .containsExactly(deleted, read, updated);
        assertThat(search(new AuditTrail.Filter(null, null, null, null, null, null, TEN.plusHours(1))))
                .containsExactly(created);
        assertThat(search(new AuditTrail.Filter(null, null, null, null, null, TEN.plusHours(1), TEN.plusHours(2))))
                .containsExactly(read, updated);
        assertThat(search(new AuditTrail.Filter(null, null, null, null, null,
                TEN.plusHours(1).withOffsetSameInstant(ZoneOffset.ofHours(2)), null)))
                .as("the same moment in another zone").containsExactly(deleted, read, updated);
    }

    private List<Long> search(AuditTrail.Filter filter) {
        return events.search(filter, 0, 10).map(AuditEvent::getId).getContent();
    }

    private long record(OffsetDateTime at, Actor actor, AuditAction action, String resourceType, String resourceId) {
        Instant moment = at.toInstant();
        return events.save(new AuditEvent(moment, actor, action, resourceType, resourceId)).getId();
    }
}
