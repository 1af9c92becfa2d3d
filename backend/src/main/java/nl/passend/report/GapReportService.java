package nl.passend.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.CountBreakdownDto;
import nl.passend.api.model.GapReportDto;
import nl.passend.api.model.GapRowDto;
import nl.passend.api.model.ReportedRunDto;
import nl.passend.api.model.WaitingRowDto;
import nl.passend.audit.AuditAction;
import nl.passend.audit.AuditTrail;
import nl.passend.reference.ReferenceDataService;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.Refusal;
import nl.passend.shared.TimeMapping;

/**
 * The gap report: unmet demand from the latest finished matching run per region, and what the history of referrals
 * and placements says over a period. Read with SQL over the other features' tables; only aggregates leave here.
 */
@Service
@Transactional
class GapReportService {

    static final int DEFAULT_PERIOD_DAYS = 90;
    static final int DEFAULT_WAITING_DAYS = 28;
    /** The statuses that end a referral's wait: a place is committed, or the referral is closed. */
    private static final List<String> WAIT_ENDS = List.of("ACCEPTED", "IN_CARE", "COMPLETED", "WITHDRAWN",
            "CANCELLED");

    /** The filters of a report. */
    record Filter(@Nullable String youthRegion, @Nullable String careType, LocalDate from, LocalDate until,
            int waitingLongerThanDays) {
    }

    private record Run(long id, @Nullable String youthRegion, Instant finishedAt) {
    }

    private final JdbcClient jdbc;
    private final ReferenceDataService referenceData;
    private final AuditTrail audit;
    private final Clock clock;

    GapReportService(JdbcClient jdbc, ReferenceDataService referenceData, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.referenceData = referenceData;
        this.audit = audit;
        this.clock = clock;
    }

    /** The filters of a request, with the defaults filled in and every one checked. */
    Filter filter(@Nullable String youthRegion, @Nullable String careType, @Nullable LocalDate from,
            @Nullable LocalDate until, @Nullable Integer waitingLongerThanDays) {
        if (youthRegion != null) {
            referenceData.requireYouthRegion("youthRegion", youthRegion);
        }
        if (careType != null) {
            referenceData.requireCareType("careType", careType);
        }
        LocalDate last = until == null ? LocalDate.now(clock) : until;
        LocalDate first = from == null ? last.minusDays(DEFAULT_PERIOD_DAYS) : from;
        if (first.isAfter(last)) {
            throw new InvalidRequestException("from", Refusal.of("refusal.field.notAfterUntil", last));
        }
        return new Filter(youthRegion, careType, first, last,
                waitingLongerThanDays == null ? DEFAULT_WAITING_DAYS : waitingLongerThanDays);
    }

    GapReportDto report(Filter filter) {
        List<ReportedRunDto> runs = new ArrayList<>();
        List<GapRows.Unplaced> unplaced = new ArrayList<>();
        List<Run> finished = finishedRuns();
        for (String region : regions(filter)) {
            Optional<Run> latest = finished.stream()
                    .filter(run -> run.youthRegion() == null || run.youthRegion().equals(region)).findFirst();
            if (latest.isEmpty()) {
                continue;
            }
            runs.add(new ReportedRunDto(region, latest.get().id(), TimeMapping.toOffsetDateTime(latest.get().finishedAt())));
            unplaced.addAll(unplaced(latest.get().id(), region, filter.careType()));
        }
        List<GapRowDto> unmet = GapRows.rows(unplaced);
        audit.record(AuditAction.READ, "gap_report", filter.youthRegion() == null ? "all" : filter.youthRegion());
        return new GapReportDto(runs, unmet, filter.from(), filter.until(), filter.waitingLongerThanDays(),
                waitedLong(filter), breakdown(declines(filter)), breakdown(endedEarly(filter)));
    }

    private List<WaitingRowDto> waitedLong(Filter filter) {
        Instant now = clock.instant();
        record Waited(String youthRegion, String careType, Instant createdAt, @Nullable Instant waitEnd) {
        }
        List<Waited> referrals = jdbc.sql("""
                select m.youth_region_code, r.care_type_code, r.created_at,
                  (select min(c.changed_at) from referral_status_change c
                   where c.referral_id = r.id and c.status in (:ends)) as wait_end
                from referral r join youth y on y.id = r.youth_id join municipality m on m.code = y.home_municipality_code
                where r.created_at >= :from and r.created_at < :until
                  and (:region is null or m.youth_region_code = :region) and (:careType is null or r.care_type_code = :careType)
                """)
                .param("ends", WAIT_ENDS).params(period(filter)).param("region", filter.youthRegion())
                .param("careType", filter.careType())
                .query((rs, i) -> new Waited(rs.getString(1), rs.getString(2), utc(rs.getObject(3, LocalDateTime.class)),
                        utc(rs.getObject(4, LocalDateTime.class))))
                .list();
        record RegionCare(String youthRegion, String careType) {
        }
        Map<RegionCare, Long> counts = referrals.stream()
                .filter(waited -> ChronoUnit.DAYS.between(waited.createdAt(),
                        waited.waitEnd() == null ? now : waited.waitEnd()) > filter.waitingLongerThanDays())
                .collect(Collectors.groupingBy(waited -> new RegionCare(waited.youthRegion(), waited.careType()),
                        () -> new TreeMap<>(Comparator.comparing(RegionCare::youthRegion)
                                .thenComparing(RegionCare::careType)),
                        Collectors.counting()));
        return counts.entrySet().stream().map(entry -> new WaitingRowDto(entry.getKey().youthRegion(),
                entry.getKey().careType(), SmallCells.count(entry.getValue()))).toList();
    }

    private Map<String, Long> declines(Filter filter) {
        return grouped("""
                select p.decline_reason, count(*) from placement p join referral r on r.id = p.referral_id
                join youth y on y.id = r.youth_id join municipality m on m.code = y.home_municipality_code
                where p.status = 'DECLINED' and p.decided_at >= :from and p.decided_at < :until
                  and (:region is null or m.youth_region_code = :region) and (:careType is null or r.care_type_code = :careType)
                group by p.decline_reason""", filter, period(filter));
    }

    /** Placements that ended in the period before their expected end. */
    private Map<String, Long> endedEarly(Filter filter) {
        return grouped("""
                select p.end_reason, count(*) from placement p join referral r on r.id = p.referral_id
                join youth y on y.id = r.youth_id join municipality m on m.code = y.home_municipality_code
                where p.status = 'ENDED' and p.ended_on >= :from and p.ended_on <= :until and p.ended_on < p.expected_end
                  and (:region is null or m.youth_region_code = :region) and (:careType is null or r.care_type_code = :careType)
                group by p.end_reason""", filter, Map.of("from", filter.from(), "until", filter.until()));
    }

    private Map<String, Long> grouped(String sql, Filter filter, Map<String, Object> period) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql(sql).params(period).param("region", filter.youthRegion()).param("careType", filter.careType())
                .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private static CountBreakdownDto breakdown(Map<String, Long> counts) {
        SmallCells.Breakdown<String> shown = SmallCells.breakdown(counts);
        return new CountBreakdownDto(shown.total(), shown.cells());
    }

    /**
     * The moments of the period's days, from the first day's start to the end of the last, as the database keeps
     * moments: in UTC, without a zone.
     */
    private static Map<String, Object> period(Filter filter) {
        return Map.of("from", filter.from().atStartOfDay(), "until", filter.until().plusDays(1).atStartOfDay());
    }

    @Nullable
    private static Instant utc(@Nullable LocalDateTime stored) {
        return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
    }

    /** Finished runs, latest first. */
    private List<Run> finishedRuns() {
        return jdbc.sql("""
                select id, youth_region_code, finished_at from matching_run where status = 'DONE'
                order by finished_at desc, id desc""")
                .query((rs, i) -> new Run(rs.getLong(1), rs.getString(2), utc(rs.getObject(3, LocalDateTime.class))))
                .list();
    }

    private List<String> regions(Filter filter) {
        return filter.youthRegion() != null ? List.of(filter.youthRegion())
                : jdbc.sql("select code from youth_region order by code").query(String.class).list();
    }

    private List<GapRows.Unplaced> unplaced(long runId, String region, @Nullable String careType) {
        return jdbc.sql("""
                select care_type_code, min_security_level, urgency, unmet_reason, days_waiting from matching_outcome
                where run_id = :run and youth_region_code = :region and unmet_reason is not null
                  and (:careType is null or care_type_code = :careType)""")
                .param("run", runId).param("region", region).param("careType", careType)
                .query((rs, i) -> new GapRows.Unplaced(region, rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5)))
                .list();
    }
}
