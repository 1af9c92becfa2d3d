package nl.passend.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;

import nl.passend.shared.Paging;
import nl.passend.support.PersistenceTest;
import nl.passend.support.Rows;

@PersistenceTest
class MandateRepositoryTests {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

    @Autowired
    MandateRepository mandates;

    @Autowired
    Rows rows;

    long apeldoornTo2026;
    long apeldoornRevoked;
    long zutphenTo2027;
    long apeldoornToDeventer;

    /**
     * Apeldoorn to Doetinchem: one standing for 43 and 46 in 2026, one revoked for 44; Zutphen to Doetinchem for 43
     * in 2027; Apeldoorn to Deventer for 43 in 2026.
     */
    @BeforeEach
    void craft() {
        apeldoornTo2026 = rows.mandate("GM0200", "GM0222", JAN_1, DEC_31, false, "43", "46");
        apeldoornRevoked = rows.mandate("GM0200", "GM0222", JAN_1, DEC_31, true, "44");
        zutphenTo2027 = rows.mandate("GM0301", "GM0222", JAN_1.plusYears(1), DEC_31.plusYears(1), false, "43");
        apeldoornToDeventer = rows.mandate("GM0200", "GM0150", JAN_1, DEC_31, false, "43");
    }

    @Test
    void findsMandatesByGrantingAndLeadMunicipalityCareTypeDayAndStatus() {
        assertThat(search(null, null, null, null, null)).containsExactly(apeldoornTo2026, apeldoornRevoked,
                zutphenTo2027, apeldoornToDeventer);
        assertThat(search("GM0200", null, null, null, null)).containsExactly(apeldoornTo2026, apeldoornRevoked,
                apeldoornToDeventer);
        assertThat(search("GM0200", "GM0222", null, null, null)).containsExactly(apeldoornTo2026, apeldoornRevoked);
        assertThat(search(null, "GM0150", null, null, null)).containsExactly(apeldoornToDeventer);
        assertThat(search(null, null, "43", null, null)).as("once each, however many care types")
                .containsExactly(apeldoornTo2026, zutphenTo2027, apeldoornToDeventer);
        assertThat(search(null, null, "44", null, null)).containsExactly(apeldoornRevoked);
        assertThat(search(null, null, null, DEC_31, null)).as("both ends included")
                .containsExactly(apeldoornTo2026, apeldoornRevoked, apeldoornToDeventer);
        assertThat(search(null, null, null, JAN_1.plusYears(1), null)).containsExactly(zutphenTo2027);
        assertThat(search(null, null, null, null, true)).containsExactly(apeldoornRevoked);
        assertThat(search("GM0200", "GM0222", null, null, false)).containsExactly(apeldoornTo2026);
    }

    @Test
    void sortsByTheKeysTheListOffersAndPages() {
        Page<Mandate> first = mandates.search(null, null, null, null, null,
                Paging.pageable(0, 2, List.of("validUntil,desc", "id,desc"), MandateService.SORTABLE));
        assertThat(first.map(Mandate::getId)).containsExactly(zutphenTo2027, apeldoornToDeventer);
        assertThat(first.getTotalElements()).isEqualTo(4);
        assertThat(mandates.search(null, null, null, null, null,
                Paging.pageable(1, 2, List.of("validUntil,desc", "id,desc"), MandateService.SORTABLE))
                .map(Mandate::getId)).containsExactly(apeldoornRevoked, apeldoornTo2026);
    }

    /** What a contract of the lead looks for: standing mandates of the municipality whose period holds its own. */
    @Test
    void findsTheStandingMandatesOverAWholePeriod() {
        assertThat(mandates.findStandingOver("GM0200", "GM0222", JAN_1, DEC_31)).extracting(Mandate::getId)
                .as("not the revoked one").containsExactly(apeldoornTo2026);
        assertThat(mandates.findStandingOver("GM0200", "GM0222", JAN_1.plusMonths(3), DEC_31.minusMonths(3)))
                .extracting(Mandate::getId).containsExactly(apeldoornTo2026);
        assertThat(mandates.findStandingOver("GM0200", "GM0222", JAN_1.minusDays(1), DEC_31)).isEmpty();
        assertThat(mandates.findStandingOver("GM0200", "GM0222", JAN_1, DEC_31.plusDays(1))).isEmpty();
        assertThat(mandates.findStandingOver("GM0222", "GM0200", JAN_1, DEC_31)).as("the other way round").isEmpty();
    }

    private List<Long> search(String granting, String lead, String careType, LocalDate validOn, Boolean revoked) {
        return mandates.search(granting, lead, careType, validOn, revoked,
                Paging.pageable(0, 10, List.of(), MandateService.SORTABLE)).map(Mandate::getId).getContent();
    }
}
