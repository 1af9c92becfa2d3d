package nl.passend.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.passend.api.model.GapReportDto;
import nl.passend.api.model.GapRowDto;
import nl.passend.api.model.ReportedRunDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.api.model.WaitingRowDto;
import nl.passend.audit.AuditAction;
import nl.passend.audit.AuditTrail;
import nl.passend.reference.ReferenceDataService;
import nl.passend.shared.InvalidRequestException;
import nl.passend.support.PersistenceTest;
import nl.passend.support.Rows;

/**
 * The gap report's SQL on crafted runs and history, on a fixed day, each figure against a value worked out by hand
 * and protected as {@link SmallCells} says. The period is April to June 2026, read at the end of July.
 */
@PersistenceTest
class GapReportServiceTests {

    private static final Instant NOW = Instant.parse("2026-07-31T12:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2026, 4, 1);
    private static final LocalDate UNTIL = LocalDate.of(2026, 6, 29);
    private static final String MIJ = "MIDDEN_IJSSEL_OOST_VELUWE";
    private static final String ACHTERHOEK = "ACHTERHOEK";

    @Autowired
    Rows rows;

    AuditTrail audit = mock(AuditTrail.class);
    GapReportService gaps;

    long officers;
    long latestOverAll;
    long latestOverAchterhoek;

    @BeforeEach
    void craft(@Autowired JdbcClient jdbc) {
        gaps = new GapReportService(jdbc, mock(ReferenceDataService.class), audit, Clock.fixed(NOW, ZoneOffset.UTC));
        officers = rows.organisation("Jeugdreclassering Apeldoorn", "YOUTH_PROBATION");
        craftRuns();
        craftWaits();
        craftDeclinesAndEnds();
    }

    /**
     * Every region from its latest finished run: the Achterhoek from its own run of an hour ago, the others from the
     * run over all of two hours ago, Twente too (its own run is older); never from a failed run.
     */
    @Test
    void takesUnmetDemandFromTheLatestFinishedRunOfEachRegion() {
        GapReportDto report = gaps.report(gaps.filter(null, null, FROM, UNTIL, 28));

        assertThat(report.getRuns()).hasSize(9)
                .allSatisfy(run -> assertThat(run.getRunId()).isEqualTo(run.getYouthRegion().equals(ACHTERHOEK)
                        ? latestOverAchterhoek : latestOverAll));
        assertThat(report.getRuns()).filteredOn(run -> run.getYouthRegion().equals(MIJ))
                .singleElement().extracting(ReportedRunDto::getFinishedAt)
                .satisfies(at -> assertThat(at.toInstant()).isEqualTo(NOW.minus(2, ChronoUnit.HOURS)));
        assertThat(report.getUnmet()).extracting(GapRowDto::getYouthRegion, GapRowDto::getCareType)
                .containsExactly(tuple(ACHTERHOEK, "43"), tuple(MIJ, "43"), tuple(MIJ, "46"));
    }

    /** 7 unplaced for care type 43 in Midden-IJssel: 5 of them for lack of capacity, which would give the 2 away. */
    @Test
    void countsTheUnplacedByReasonAndUrgencyWithSmallCountsProtected() {
        List<GapRowDto> unmet = gaps.report(gaps.filter(null, null, FROM, UNTIL, 28)).getUnmet();

        GapRowDto achterhoek = unmet.get(0);
        assertThat(achterhoek.getMinSecurityLevel()).isEqualTo(SecurityLevelDto.SEMI_SECURE);
        assertThat(achterhoek.getUnplaced()).isEqualTo("5");
        assertThat(achterhoek.getByReason()).containsEntry("NO_CONTRACT", "5").containsEntry("NO_OFFER", "0");
        assertThat(achterhoek.getMedianDaysWaiting()).isEqualTo(9);

        GapRowDto lvb = unmet.get(1);
        assertThat(lvb.getMinSecurityLevel()).isEqualTo(SecurityLevelDto.SEMI_SECURE);
        assertThat(lvb.getUnplaced()).isEqualTo("7");
        assertThat(lvb.getByReason()).isEqualTo(Map.of("NO_OFFER", "0", "NO_CONTRACT", "<5",
                "CEILING", "0", "NO_CAPACITY", "x", "EXCLUDED", "0"));
        assertThat(lvb.getByUrgency()).isEqualTo(Map.of("CRISIS", "0", "HIGH", "<5", "NORMAL", "<5"));
        assertThat(lvb.getMedianDaysWaiting()).isEqualTo(10);
        assertThat(lvb.getP90DaysWaiting()).isEqualTo(40);

        GapRowDto crisis = unmet.get(2);
        assertThat(crisis.getMinSecurityLevel()).isEqualTo(SecurityLevelDto.SECURE);
        assertThat(crisis.getUnplaced()).isEqualTo("<5");
        assertThat(crisis.getByReason()).containsEntry("CEILING", "<5");
        assertThat(crisis.getMedianDaysWaiting()).as("no waiting days for a group of 3").isNull();
    }

    /**
     * Referrals made in the period that waited more than 28 days for a place or their end: five in Midden-IJssel
     * (made on the period's first and last moments among them) and one in the Achterhoek. Not counted: one accepted
     * after 2 days, one withdrawn after 20, one that ended after exactly 28, and two made just outside the period.
     */
    @Test
    void countsTheReferralsMadeInThePeriodThatWaitedLongerThanAsked() {
        List<WaitingRowDto> waited = gaps.report(gaps.filter(null, null, FROM, UNTIL, 28)).getWaitedLong();

        assertThat(waited).extracting(WaitingRowDto::getYouthRegion, WaitingRowDto::getCareType,
                WaitingRowDto::getReferrals).containsExactly(tuple(ACHTERHOEK, "44", "<5"), tuple(MIJ, "43", "5"));
        assertThat(gaps.report(gaps.filter(null, null, FROM, UNTIL, 90)).getWaitedLong())
                .as("only the three open since the first of April or of May waited more than 90 days")
                .extracting(WaitingRowDto::getReferrals).containsExactly("<5");
    }

    /**
     * Declines decided in the period, to its last moment: six for a full group and four for age (one of them in the
     * Achterhoek); the 4 would be given away by the total, so the 6 is hidden too. Early ends on the period's first
     * day, in it and on its last day; not one that ended on its expected end, nor those just outside.
     */
    @Test
    void countsDeclinesAndEarlyEndsOverThePeriod() {
        GapReportDto report = gaps.report(gaps.filter(null, null, FROM, UNTIL, 28));

        assertThat(report.getDeclines().getTotal()).isEqualTo("10");
        assertThat(report.getDeclines().getByCode()).isEqualTo(Map.of("AGE", "<5", "CAPACITY_FULL", "x"));
        assertThat(report.getEndedEarly().getTotal()).isEqualTo("<5");
        assertThat(report.getEndedEarly().getByCode()).containsOnlyKeys("32", "33", "35");
    }

    @Test
    void filtersEveryPartByYouthRegionAndCareType() {
        GapReportDto achterhoek = gaps.report(gaps.filter(ACHTERHOEK, null, FROM, UNTIL, 28));
        assertThat(achterhoek.getRuns()).extracting(ReportedRunDto::getRunId).containsExactly(latestOverAchterhoek);
        assertThat(achterhoek.getUnmet()).extracting(GapRowDto::getYouthRegion).containsExactly(ACHTERHOEK);
        assertThat(achterhoek.getWaitedLong()).extracting(WaitingRowDto::getYouthRegion).containsExactly(ACHTERHOEK);
        assertThat(achterhoek.getDeclines().getTotal()).isEqualTo("<5");
        assertThat(achterhoek.getEndedEarly().getTotal()).isEqualTo("0");

        GapReportDto crisisCare = gaps.report(gaps.filter(MIJ, "46", FROM, UNTIL, 28));
        assertThat(crisisCare.getRuns()).extracting(ReportedRunDto::getRunId).containsExactly(latestOverAll);
        assertThat(crisisCare.getUnmet()).extracting(GapRowDto::getCareType).containsExactly("46");
        assertThat(crisisCare.getWaitedLong()).isEmpty();
        assertThat(crisisCare.getDeclines().getTotal()).isEqualTo("0");
        assertThat(crisisCare.getEndedEarly().getTotal()).isEqualTo("0");

        GapReportDto lvb = gaps.report(gaps.filter(MIJ, "43", FROM, UNTIL, 28));
        assertThat(lvb.getWaitedLong()).extracting(WaitingRowDto::getReferrals).containsExactly("5");
        assertThat(lvb.getDeclines().getTotal()).as("6 for a full group and 3 for age").isEqualTo("9");
        assertThat(lvb.getEndedEarly().getTotal()).isEqualTo("<5");
    }

    @Test
    void readsTheLast90DaysUpToTodayAndWaitsOf28DaysUnlessAskedAndRecordsTheRead() {
        GapReportService.Filter defaults = gaps.filter(null, null, null, null, null);
        assertThat(defaults.until()).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(defaults.from()).isEqualTo(LocalDate.of(2026, 5, 2));
        assertThat(defaults.waitingLongerThanDays()).isEqualTo(28);
        assertThatThrownBy(() -> gaps.filter(null, null, UNTIL, FROM, null))
                .isInstanceOf(InvalidRequestException.class);

        gaps.report(gaps.filter(MIJ, null, FROM, UNTIL, 28));
        verify(audit).record(AuditAction.READ, "gap_report", MIJ);
    }

    /**
     * A run over all regions two hours ago, one over the Achterhoek an hour ago, a failed one, and an older one over
     * Twente. From the first: in Midden-IJssel, care type 43 at security level 2 left 7 youths unplaced (5 for lack
     * of capacity, 2 for lack of a contract; 4 of high urgency, 3 normal; waiting 1, 2, 3, 10, 20, 30 and 40 days),
     * care type 46 at level 3 left 3 in crisis at a ceiling, and one youth was placed; 6 in the Achterhoek lacked an
     * offer. From the second: 5 in the Achterhoek of care type 43 at level 2 without a contract, waiting 9 days.
     */
    private void craftRuns() {
        List<Long> referrals = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            referrals.add(referral("GM0200", "43", Instant.parse("2026-07-30T09:00:00Z")));
        }
        latestOverAll = rows.matchingRun(null, "DONE", NOW.minus(2, ChronoUnit.HOURS));
        latestOverAchterhoek = rows.matchingRun(ACHTERHOEK, "DONE", NOW.minus(1, ChronoUnit.HOURS));
        long failed = rows.matchingRun(null, "FAILED", null);
        long olderOverTwente = rows.matchingRun("TWENTE", "DONE", NOW.minus(3, ChronoUnit.HOURS));
        int[] days = {1, 2, 3, 10, 20, 30, 40};
        for (int i = 0; i < 7; i++) {
            rows.outcome(latestOverAll, referrals.get(i), MIJ, "43", 2, i < 4 ? "HIGH" : "NORMAL",
                    i < 5 ? "NO_CAPACITY" : "NO_CONTRACT", days[i]);
        }
        for (int i = 7; i < 10; i++) {
            rows.outcome(latestOverAll, referrals.get(i), MIJ, "46", 3, "CRISIS", "CEILING", 5);
        }
        rows.outcome(latestOverAll, referrals.get(10), MIJ, "43", 2, "HIGH", null, 3);
        for (int i = 11; i < 17; i++) {
            rows.outcome(latestOverAll, referrals.get(i), ACHTERHOEK, "43", 2, "NORMAL", "NO_OFFER", 8);
        }
        for (int i = 0; i < 5; i++) {
            rows.outcome(latestOverAchterhoek, referrals.get(i), ACHTERHOEK, "43", 2, "NORMAL", "NO_CONTRACT", 9);
        }
        rows.outcome(failed, referrals.get(0), MIJ, "44", 2, "NORMAL", "NO_OFFER", 3);
        rows.outcome(olderOverTwente, referrals.get(0), "TWENTE", "43", 2, "NORMAL", "NO_OFFER", 3);
    }

    /** The referrals of {@link #countsTheReferralsMadeInThePeriodThatWaitedLongerThanAsked}. */
    private void craftWaits() {
        Instant firstOfMay = Instant.parse("2026-05-01T09:00:00Z");
        rows.statusChange(referral("GM0200", "43", firstOfMay), "ACCEPTED", firstOfMay.plus(2, ChronoUnit.DAYS));
        referral("GM0200", "43", firstOfMay);
        referral("GM0200", "43", firstOfMay);
        referral("GM0200", "43", Instant.parse("2026-06-29T23:59:59Z"));
        long inCare = referral("GM0200", "43", firstOfMay);
        rows.statusChange(inCare, "PROPOSED", firstOfMay.plus(1, ChronoUnit.DAYS));
        rows.statusChange(inCare, "IN_CARE", firstOfMay.plus(35, ChronoUnit.DAYS));
        rows.statusChange(referral("GM0200", "43", firstOfMay), "WITHDRAWN", firstOfMay.plus(20, ChronoUnit.DAYS));
        Instant firstOfJune = Instant.parse("2026-06-01T09:00:00Z");
        rows.statusChange(referral("GM0200", "43", firstOfJune), "COMPLETED", firstOfJune.plus(28, ChronoUnit.DAYS));
        referral("GM0200", "43", Instant.parse("2026-03-31T23:59:59Z"));
        referral("GM0200", "43", Instant.parse("2026-04-01T00:00:00Z"));
        referral("GM0200", "43", Instant.parse("2026-06-30T00:00:00Z"));
        rows.statusChange(referral("GM0222", "44", firstOfMay), "CANCELLED", firstOfMay.plus(29, ChronoUnit.DAYS));
        rows.statusChange(referral("GM0153", "43", firstOfMay), "ACCEPTED", firstOfMay.plus(9, ChronoUnit.DAYS));
    }

    /** The declines and ends of {@link #countsDeclinesAndEarlyEndsOverThePeriod}. */
    private void craftDeclinesAndEnds() {
        long provider = rows.provider("Zorggroep Noord");
        long offer = rows.offer(rows.location(provider, "GM0200"), "43", 2, 20);
        long contract = rows.contract(provider, "C-1", "GM0200", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        long apeldoorn = referral("GM0200", "43", Instant.parse("2026-07-30T09:00:00Z"));
        long doetinchem = referral("GM0222", "44", Instant.parse("2026-07-30T09:00:00Z"));

        Instant midJune = Instant.parse("2026-06-15T09:00:00Z");
        for (int i = 0; i < 6; i++) {
            declined(apeldoorn, offer, contract, "CAPACITY_FULL", midJune);
        }
        declined(apeldoorn, offer, contract, "AGE", midJune);
        declined(apeldoorn, offer, contract, "AGE", midJune);
        declined(apeldoorn, offer, contract, "AGE", Instant.parse("2026-06-29T23:59:59Z"));
        declined(apeldoorn, offer, contract, "AGE", Instant.parse("2026-06-30T00:00:00Z"));
        declined(apeldoorn, offer, contract, "AGE", Instant.parse("2026-03-31T23:59:59Z"));
        declined(doetinchem, offer, contract, "AGE", midJune);

        ended(apeldoorn, offer, contract, "32", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1));
        ended(apeldoorn, offer, contract, "31", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1));
        ended(apeldoorn, offer, contract, "33", FROM, LocalDate.of(2026, 5, 1));
        ended(apeldoorn, offer, contract, "34", FROM.minusDays(1), LocalDate.of(2026, 5, 1));
        ended(apeldoorn, offer, contract, "35", UNTIL, LocalDate.of(2026, 7, 15));
        ended(apeldoorn, offer, contract, "36", UNTIL.plusDays(1), LocalDate.of(2026, 7, 15));
    }

    private long referral(String homeMunicipality, String careType, Instant createdAt) {
        long referral = rows.referral(rows.youth(officers, homeMunicipality), officers, careType, "NORMAL", "OPEN");
        rows.set("referral", referral, Map.of("created_at", createdAt));
        return referral;
    }

    private void declined(long referral, long offer, long contract, String reason, Instant decidedAt) {
        long placement = rows.placement(referral, offer, contract, "DECLINED", decidedAt.minus(1, ChronoUnit.DAYS));
        rows.set("placement", placement, Map.of("decided_at", decidedAt, "decline_reason", reason));
    }

    private void ended(long referral, long offer, long contract, String reason, LocalDate endedOn,
            LocalDate expectedEnd) {
        long placement = rows.placement(referral, offer, contract, "ENDED", NOW.minus(400, ChronoUnit.DAYS));
        rows.set("placement", placement, Map.of("started_on", endedOn.minusDays(60), "expected_end", expectedEnd,
                "ended_on", endedOn, "end_reason", reason));
    }
}
