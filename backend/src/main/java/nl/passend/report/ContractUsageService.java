package nl.passend.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.ContractUsageDto;
import nl.passend.api.model.ContractUsagePageDto;
import nl.passend.api.model.MunicipalityUsageDto;
import nl.passend.audit.AuditAction;
import nl.passend.audit.AuditTrail;
import nl.passend.reference.ReferenceDataService;
import nl.passend.security.Actor;
import nl.passend.security.CurrentActor;
import nl.passend.security.Role;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;

/**
 * How the contracts valid on a day are used: places held now against the volume ceiling, care days and euros
 * against the budget ceiling, and the split of both between the municipalities that take part. Per municipality,
 * a few youths' care days would tell their stays: the split is for the purchasers of the contract's own
 * municipalities, who settle on it. Everyone else reads the contract's totals, its care days and euros only where
 * enough youths are behind them ({@link SmallCells#showsSumsOver}), as the gap report shows waiting days.
 *
 * <p>Care days of a placement are the days from its start up to its end, or up to the report day if that comes
 * first, within the contract's period; they cost the contract's daily tariff for the referral's care type. Committed euros
 * add, for an accepted or started placement, the rest of its expected stay within the contract's period.
 */
@Service
@Transactional
class ContractUsageService {

    private record Contract(long id, String reference, long providerId, LocalDate validFrom, LocalDate validUntil,
            @Nullable Integer volumeCeiling, @Nullable BigDecimal budgetCeiling) {
    }

    private record Placement(long contractId, String status, @Nullable LocalDate startedOn,
            @Nullable LocalDate endedOn, @Nullable LocalDate expectedEnd, String careType, int expectedDurationDays,
            String municipality, long youthId) {
    }

    /** The caller as the report sees it: whether it reads euros, and the municipality it buys for, if any. */
    private record Reader(boolean withMoney, @Nullable String municipality) {

        /** Whether the caller is a purchaser of one of the municipalities party to the contract. */
        boolean isPartyTo(Set<String> parties) {
            return withMoney && municipality != null && parties.contains(municipality);
        }
    }

    /** What one municipality, or the whole contract, has used. */
    private static final class Usage {
        long placementsNow;
        long careDays;
        BigDecimal eurosUsed = BigDecimal.ZERO;
        BigDecimal eurosCommitted = BigDecimal.ZERO;
        /** The youths whose care days or committed euros are in the sums. */
        final Set<Long> youths = new HashSet<>();

        void add(Usage other) {
            placementsNow += other.placementsNow;
            careDays += other.careDays;
            eurosUsed = eurosUsed.add(other.eurosUsed);
            eurosCommitted = eurosCommitted.add(other.eurosCommitted);
            youths.addAll(other.youths);
        }
    }

    private static final String CONTRACT = """
            select c.id, c.reference, c.provider_id, c.valid_from, c.valid_until, c.volume_ceiling, c.budget_ceiling
            """;

    private static final RowMapper<Contract> CONTRACT_ROW = (rs, i) -> new Contract(rs.getLong(1), rs.getString(2),
            rs.getLong(3), rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(),
            (Integer) rs.getObject(6, Integer.class), rs.getBigDecimal(7));

    private final JdbcClient jdbc;
    private final ReferenceDataService referenceData;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final Clock clock;

    ContractUsageService(JdbcClient jdbc, ReferenceDataService referenceData, CurrentActor currentActor,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.referenceData = referenceData;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
    }

    ContractUsagePageDto usage(@Nullable LocalDate day, @Nullable String municipality, int page, int size) {
        if (municipality != null) {
            referenceData.requireMunicipality("municipality", municipality);
        }
        LocalDate on = day == null ? LocalDate.now(clock) : day;
        String valid = """
                from contract c where c.valid_from <= :on and c.valid_until >= :on and (:municipality is null or exists
                  (select 1 from contract_party cm where cm.contract_id = c.id and cm.municipality_code = :municipality))""";
        long total = jdbc.sql("select count(*) " + valid).param("on", on).param("municipality", municipality)
                .query(Long.class).single();
        List<Contract> contracts = jdbc.sql(CONTRACT + valid + " order by c.reference, c.id limit :size offset :offset")
                .param("on", on).param("municipality", municipality).param("size", size)
                .param("offset", (long) page * size)
                .query(CONTRACT_ROW)
                .list();
        List<ContractUsageDto> content = contracts.isEmpty() ? List.of() : usage(contracts, on, reader());
        audit.record(AuditAction.READ, "contract_usage", municipality == null ? "all" : municipality);
        return new ContractUsagePageDto(content,
                Paging.metadata(new PageImpl<>(content, PageRequest.of(page, size), total)));
    }

    /**
     * How one contract is used on the day (today if {@code null}), whether or not it is valid then: the same figures,
     * and the same protection, as its entry in {@link #usage}. Unknown ids are answered 404.
     */
    ContractUsageDto usageOf(long contractId, @Nullable LocalDate day) {
        LocalDate on = day == null ? LocalDate.now(clock) : day;
        Contract contract = jdbc.sql(CONTRACT + " from contract c where c.id = :id").param("id", contractId)
                .query(CONTRACT_ROW).optional().orElseThrow(() -> new NotFoundException("contract", contractId));
        ContractUsageDto usage = usage(List.of(contract), on, reader()).get(0);
        audit.record(AuditAction.READ, "contract_usage", "contract " + contractId);
        return usage;
    }

    /**
     * How the contracts valid on the day are used to which the caller's own municipality is a party: none for a
     * caller that buys for no municipality.
     */
    ContractUsagePageDto usageOfOwn(@Nullable LocalDate day, int page, int size) {
        String own = reader().municipality();
        if (own == null) {
            return new ContractUsagePageDto(List.of(),
                    Paging.metadata(new PageImpl<>(List.<ContractUsageDto>of(), PageRequest.of(page, size), 0)));
        }
        return usage(day, own, page, size);
    }

    /** The caller: a purchaser with the municipality its organisation is, or anyone else, without euros. */
    private Reader reader() {
        Actor actor = currentActor.get();
        if (!actor.is(Role.PURCHASER)) {
            return new Reader(false, null);
        }
        // A bearer token may make a purchaser of an organisation that is no municipality: it is party to nothing.
        return new Reader(true, jdbc.sql("select municipality_code from organisation where id = :id")
                .param("id", actor.organisationId()).query(String.class).optional().orElse(null));
    }

    /**
     * The municipalities party to each contract, the lead among them: whose purchasers read its split, and the rows
     * of that split. A participant is party once its participation is confirmed (the view {@code contract_party});
     * a pending one is not yet.
     */
    private Map<Long, Set<String>> parties(List<Long> ids) {
        Map<Long, Set<String>> parties = new HashMap<>();
        jdbc.sql("""
                select c.id, c.lead_municipality_code from contract c where c.id in (:ids)
                union select p.contract_id, p.municipality_code from contract_party p
                where p.contract_id in (:ids)""").param("ids", ids)
                .query((rs, i) -> parties.computeIfAbsent(rs.getLong(1), id -> new TreeSet<>()).add(rs.getString(2)))
                .list();
        return parties;
    }

    private List<ContractUsageDto> usage(List<Contract> contracts, LocalDate on, Reader reader) {
        List<Long> ids = contracts.stream().map(Contract::id).toList();
        Map<Long, Set<String>> parties = parties(ids);
        Map<Long, Map<String, BigDecimal>> tariffs = new HashMap<>();
        jdbc.sql("select contract_id, care_type_code, daily_tariff from contract_care_type where contract_id in (:ids)")
                .param("ids", ids)
                .query((rs, i) -> tariffs.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                        .put(rs.getString(2), rs.getBigDecimal(3)))
                .list();
        List<Placement> placements = jdbc.sql("""
                select p.contract_id, p.status, p.started_on, p.ended_on, p.expected_end, r.care_type_code,
                  r.expected_duration_days, y.home_municipality_code, y.id
                from placement p join referral r on r.id = p.referral_id join youth y on y.id = r.youth_id
                where p.contract_id in (:ids) and p.status in ('PROPOSED', 'ACCEPTED', 'STARTED', 'ENDED')""")
                .param("ids", ids)
                .query((rs, i) -> new Placement(rs.getLong(1), rs.getString(2), date(rs.getDate(3)),
                        date(rs.getDate(4)), date(rs.getDate(5)), rs.getString(6), rs.getInt(7), rs.getString(8),
                        rs.getLong(9)))
                .list();

        List<ContractUsageDto> content = new ArrayList<>();
        for (Contract contract : contracts) {
            Set<String> partiesToIt = parties.getOrDefault(contract.id(), Set.of());
            Map<String, Usage> byMunicipality = new TreeMap<>();
            partiesToIt.forEach(code -> byMunicipality.put(code, new Usage()));
            for (Placement placement : placements) {
                if (placement.contractId() == contract.id()) {
                    BigDecimal tariff = tariffs.getOrDefault(contract.id(), Map.of())
                            .getOrDefault(placement.careType(), BigDecimal.ZERO);
                    byMunicipality.computeIfAbsent(placement.municipality(), code -> new Usage())
                            .add(usage(placement, contract, tariff, on));
                }
            }
            content.add(reader.isPartyTo(partiesToIt) ? split(contract, byMunicipality)
                    : totals(contract, byMunicipality, reader.withMoney()));
        }
        return content;
    }

    private static Usage usage(Placement placement, Contract contract, BigDecimal tariff, LocalDate on) {
        Usage usage = new Usage();
        LocalDate periodEnd = contract.validUntil().plusDays(1);
        usage.placementsNow = placement.status().equals("ENDED") ? 0 : 1;
        if (placement.startedOn() != null) {
            LocalDate end = placement.endedOn() != null && placement.endedOn().isBefore(on) ? placement.endedOn() : on;
            usage.careDays = days(placement.startedOn(), end, contract.validFrom(), periodEnd);
        }
        // Usage prices the care days given and still to come within the period, not the whole expected stay that
        // matching and the budget ceiling price (solver Contract.costCents): a report of what the period uses.
        usage.eurosUsed = tariff.multiply(BigDecimal.valueOf(usage.careDays));
        long restDays = switch (placement.status()) {
            case "STARTED" -> days(on, placement.expectedEnd() == null ? on : placement.expectedEnd(),
                    contract.validFrom(), periodEnd);
            case "ACCEPTED" -> Math.min(placement.expectedDurationDays(), days(on, periodEnd, contract.validFrom(),
                    periodEnd));
            default -> 0;
        };
        usage.eurosCommitted = usage.eurosUsed.add(tariff.multiply(BigDecimal.valueOf(restDays)));
        if (usage.careDays > 0 || usage.eurosCommitted.signum() > 0) {
            usage.youths.add(placement.youthId());
        }
        return usage;
    }

    /** Days from {@code from} up to {@code until}, within {@code [periodStart, periodEnd)}. */
    private static long days(LocalDate from, LocalDate until, LocalDate periodStart, LocalDate periodEnd) {
        LocalDate start = from.isBefore(periodStart) ? periodStart : from;
        LocalDate end = until.isAfter(periodEnd) ? periodEnd : until;
        return Math.max(0, ChronoUnit.DAYS.between(start, end));
    }

    /** What a purchaser party to the contract reads: every figure, per municipality too; placements protected. */
    private static ContractUsageDto split(Contract contract, Map<String, Usage> byMunicipality) {
        Usage all = total(byMunicipality);
        Map<String, Long> counts = new LinkedHashMap<>();
        byMunicipality.forEach((code, usage) -> counts.put(code, usage.placementsNow));
        SmallCells.Breakdown<String> placementsNow = SmallCells.breakdown(counts);

        List<MunicipalityUsageDto> municipalities = new ArrayList<>();
        byMunicipality.forEach((code, usage) -> municipalities.add(
                new MunicipalityUsageDto(code, placementsNow.cells().get(code)).careDays(usage.careDays)
                        .eurosUsed(usage.eurosUsed.doubleValue()).eurosCommitted(usage.eurosCommitted.doubleValue())
                        .shareOfCostPercent(percent(usage.eurosUsed, all.eurosUsed))));
        return withMoney(contract, all, dto(contract, placementsNow.total(), municipalities).careDays(all.careDays));
    }

    /**
     * What everyone else reads: the contract's totals only, its placements as a protected count, and its care days
     * (and euros, for purchasers) only where enough youths are behind them that no one stay shows through.
     */
    private static ContractUsageDto totals(Contract contract, Map<String, Usage> byMunicipality, boolean money) {
        Usage all = total(byMunicipality);
        ContractUsageDto dto = dto(contract, SmallCells.count(all.placementsNow), List.of());
        if (money && contract.budgetCeiling() != null) {
            dto.budgetCeiling(contract.budgetCeiling().doubleValue());
        }
        if (!SmallCells.showsSumsOver(all.youths.size())) {
            return dto;
        }
        dto.careDays(all.careDays);
        return money ? withMoney(contract, all, dto) : dto;
    }

    private static Usage total(Map<String, Usage> byMunicipality) {
        Usage all = new Usage();
        byMunicipality.values().forEach(all::add);
        return all;
    }

    private static ContractUsageDto dto(Contract contract, String placementsNow,
            List<MunicipalityUsageDto> municipalities) {
        return new ContractUsageDto(contract.id(), contract.reference(), contract.providerId(), contract.validFrom(),
                contract.validUntil(), placementsNow, municipalities).volumeCeiling(contract.volumeCeiling());
    }

    private static ContractUsageDto withMoney(Contract contract, Usage all, ContractUsageDto dto) {
        dto.eurosUsed(all.eurosUsed.doubleValue()).eurosCommitted(all.eurosCommitted.doubleValue());
        if (contract.budgetCeiling() != null) {
            dto.budgetCeiling(contract.budgetCeiling().doubleValue())
                    .budgetCommittedPercent(percent(all.eurosCommitted, contract.budgetCeiling()));
        }
        return dto;
    }

    @Nullable
    private static Double percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).doubleValue();
    }

    @Nullable
    private static LocalDate date(@Nullable java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
