package nl.passend.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import nl.passend.api.model.ContractCareTypeDto;
import nl.passend.api.model.PurchaseAdviceDto;
import nl.passend.api.model.PurchaseCandidateDto;
import nl.passend.api.model.ScenarioChangeDto;
import nl.passend.api.model.ScenarioChangeKindDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.api.model.UnmetDemandReasonDto;
import nl.passend.audit.AuditAction;
import nl.passend.audit.AuditTrail;
import nl.passend.matching.MatchingFacts;
import nl.passend.reference.ReferenceDataService;
import nl.passend.reference.SecurityLevel;
import nl.passend.solver.Contract;
import nl.passend.solver.Demand;
import nl.passend.solver.Distances;
import nl.passend.solver.Eligibility;
import nl.passend.solver.MatchingEngine;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.Offer;
import nl.passend.solver.Referral;
import nl.passend.solver.UnmetDemand;
import nl.passend.solver.UnmetDemandReason;

/**
 * Purchase advice for a youth region: for its largest gaps, the purchase each gap's main reason points to, tried as a
 * scenario and ranked by youths placed per euro per year. The solving holds no transaction, and so no connection.
 */
@Service
class PurchaseAdviceService {

    /** The tariff a new offer is assumed to cost when no contract buys its care type yet, in euros a day. */
    static final BigDecimal FALLBACK_TARIFF = new BigDecimal("500");

    private record Gap(String careType, int minSecurityLevel, UnmetDemandReason reason, List<Demand> youths) {
    }

    private final MatchingFacts facts;
    private final ScenarioService scenarios;
    private final ReferenceDataService referenceData;
    private final ReportProperties properties;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final MatchingEngine engine = new MatchingEngine();

    PurchaseAdviceService(MatchingFacts facts, ScenarioService scenarios, ReferenceDataService referenceData,
            ReportProperties properties, AuditTrail audit, TransactionTemplate transactions) {
        this.facts = facts;
        this.scenarios = scenarios;
        this.referenceData = referenceData;
        this.properties = properties;
        this.audit = audit;
        this.transactions = transactions;
    }

    PurchaseAdviceDto advise(String youthRegion) {
        referenceData.requireYouthRegion("youthRegion", youthRegion);
        MatchingFacts.Facts today = facts.load(youthRegion);
        SupplyChanges.Context context = scenarios.context(youthRegion);
        Duration limit = properties.adviceTimeLimit();
        MatchingSolution solved = engine.solve(today.problem(), limit, score -> { });
        Figures before = Figures.of(solved, today);

        List<PurchaseCandidateDto> candidates = new ArrayList<>();
        for (Gap gap : largestGaps(solved)) {
            Optional<ScenarioChangeDto> change = purchaseFor(gap, solved, today);
            if (change.isEmpty()) {
                continue;
            }
            MatchingFacts.Facts changed = SupplyChanges.apply(today, List.of(change.get()), context);
            Figures after = Figures.of(engine.solve(changed.problem(), limit, score -> { }), changed);
            int placedMore = after.placedCount() - before.placedCount();
            BigDecimal costMore = after.costPerYear().subtract(before.costPerYear());
            candidates.add(new PurchaseCandidateDto(0, UnmetDemandReasonDto.valueOf(gap.reason().name()),
                    gap.careType(), SecurityLevelDto.valueOf(SecurityLevel.ofLevel(gap.minSecurityLevel()).name()),
                    SmallCells.count(gap.youths().size()), change.get(),
                    describe(change.get(), gap, today.municipalityNames()), placedMore,
                    after.placedMoreByUrgency(before), costMore.doubleValue(), after.distanceKm() - before.distanceKm())
                    .youthsPerMillionEurosPerYear(costMore.signum() > 0
                            ? BigDecimal.valueOf(placedMore * 1_000_000L).divide(costMore, 2, RoundingMode.HALF_UP)
                                    .doubleValue()
                            : null));
        }
        candidates.sort(Comparator.comparing(PurchaseAdviceService::value).reversed()
                .thenComparing(Comparator.comparing(PurchaseCandidateDto::getPlacedMore).reversed()));
        for (int i = 0; i < candidates.size(); i++) {
            candidates.get(i).rank(i + 1);
        }
        transactions.executeWithoutResult(status -> audit.record(AuditAction.READ, "purchase_advice", youthRegion));
        return new PurchaseAdviceDto(youthRegion, before.toDto(), candidates);
    }

    /** Youths placed per million euros a year; a change that places youths at no extra cost comes first. */
    private static double value(PurchaseCandidateDto candidate) {
        if (candidate.getYouthsPerMillionEurosPerYear() != null) {
            return candidate.getYouthsPerMillionEurosPerYear();
        }
        return candidate.getPlacedMore() > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE;
    }

    /** The unplaced youths by care type and security level, each group with its most common reason, largest first. */
    private List<Gap> largestGaps(MatchingSolution solved) {
        Map<Long, UnmetDemandReason> reasons = UnmetDemand.classify(solved);
        record Key(String careType, int minSecurityLevel) {
        }
        Map<Key, List<Referral>> groups = solved.getReferrals().stream()
                .filter(referral -> !referral.isPinned() && referral.getOffer() == null)
                .collect(Collectors.groupingBy(referral -> new Key(referral.getCareType(),
                        referral.getMinSecurityLevel()), LinkedHashMap::new, Collectors.toList()));
        List<Gap> gaps = new ArrayList<>();
        groups.forEach((key, referrals) -> {
            Map<UnmetDemandReason, List<Demand>> byReason = referrals.stream()
                    .filter(referral -> reasons.get(referral.getId()) != UnmetDemandReason.EXCLUDED)
                    .collect(Collectors.groupingBy(referral -> reasons.get(referral.getId()),
                            Collectors.mapping(Referral::getDemand, Collectors.toList())));
            byReason.entrySet().stream().max(Comparator.comparingInt(entry -> entry.getValue().size()))
                    .ifPresent(main -> gaps.add(new Gap(key.careType(), key.minSecurityLevel(), main.getKey(),
                            main.getValue())));
        });
        gaps.sort(Comparator.comparingInt((Gap gap) -> gap.youths().size()).reversed()
                .thenComparing(Gap::careType).thenComparingInt(Gap::minSecurityLevel));
        return gaps.stream().limit(properties.adviceCandidates()).toList();
    }

    private Optional<ScenarioChangeDto> purchaseFor(Gap gap, MatchingSolution solved, MatchingFacts.Facts today) {
        int youths = gap.youths().size();
        return switch (gap.reason()) {
            case NO_CAPACITY -> mostFitting(gap, today.offers(), offer -> gap.youths().stream()
                    .anyMatch(youth -> Eligibility.contractFor(youth, offer, today.contracts()).isPresent()))
                    .map(offer -> new ScenarioChangeDto(ScenarioChangeKindDto.EXTRA_PLACES).offerId(offer.id())
                            .places(youths));
            case NO_CONTRACT -> mostFitting(gap, today.offers(), offer -> true).flatMap(offer ->
                    contractOf(offer.providerId(), today.contracts()).map(contract -> {
                        ScenarioChangeDto change = new ScenarioChangeDto(ScenarioChangeKindDto.CONTRACT_EXTENSION)
                                .contractId(contract.id())
                                .municipalities(gap.youths().stream().map(Demand::homeMunicipality)
                                        .collect(Collectors.toCollection(TreeSet::new)));
                        if (contract.dailyTariffCents(gap.careType()) == 0) {
                            change.careTypes(new ArrayList<>(List.of(new ContractCareTypeDto(gap.careType(),
                                    tariff(gap.careType(), today.contracts())))));
                        }
                        return change;
                    }));
            case NO_OFFER -> Optional.of(new ScenarioChangeDto(ScenarioChangeKindDto.NEW_OFFER)
                    .careType(gap.careType())
                    .securityLevel(SecurityLevelDto.valueOf(SecurityLevel.ofLevel(gap.minSecurityLevel()).name()))
                    .municipality(mostCommon(gap.youths().stream().map(Demand::homeMunicipality).toList()))
                    .places(youths).dailyTariff(tariff(gap.careType(), today.contracts()).doubleValue())
                    .specialisms(gap.youths().stream().flatMap(youth -> youth.specialisms().stream())
                            .collect(Collectors.toCollection(TreeSet::new)))
                    .minAge(Math.min(SupplyChanges.DEFAULT_MIN_AGE,
                            gap.youths().stream().mapToInt(Demand::age).min().orElseThrow()))
                    .maxAge(Math.max(SupplyChanges.DEFAULT_MAX_AGE,
                            gap.youths().stream().mapToInt(Demand::age).max().orElseThrow())));
            case CEILING -> ceilingContract(gap, today).map(contract -> {
                ScenarioChangeDto change = new ScenarioChangeDto(ScenarioChangeKindDto.RAISED_CEILING)
                        .contractId(contract.id());
                if (contract.volumeCeiling() != null) {
                    change.volumeCeiling(contract.volumeCeiling() + youths);
                }
                if (contract.budgetCeilingCents() != null) {
                    long more = gap.youths().stream().mapToLong(youth ->
                            contract.dailyTariffCents(youth.careType()) * youth.expectedDurationDays()).sum();
                    change.budgetCeiling((contract.budgetCeilingCents() + more) / 100.0);
                }
                return change;
            });
            case EXCLUDED -> Optional.empty();
        };
    }

    /** The offer that fits the most youths of the gap (and passes the test), the nearest on average on a tie. */
    private static Optional<Offer> mostFitting(Gap gap, List<Offer> offers, Predicate<Offer> also) {
        return offers.stream()
                .filter(offer -> offer.capacity() > 0 || gap.reason() == UnmetDemandReason.NO_CAPACITY)
                .filter(also)
                .filter(offer -> fitting(gap, offer) > 0)
                .max(Comparator.comparingLong((Offer offer) -> fitting(gap, offer))
                        .thenComparing(Comparator.comparingDouble((Offer offer) -> distance(gap, offer)).reversed()));
    }

    private static long fitting(Gap gap, Offer offer) {
        return gap.youths().stream()
                .filter(youth -> Eligibility.fits(youth, offer) && !Eligibility.excluded(youth, offer)).count();
    }

    private static double distance(Gap gap, Offer offer) {
        return gap.youths().stream().mapToDouble(youth -> Distances.kilometres(youth.homeLatitude(),
                youth.homeLongitude(), offer.latitude(), offer.longitude())).average().orElse(0);
    }

    /** The contract whose ceiling most of the gap's youths ran into. */
    private static Optional<Contract> ceilingContract(Gap gap, MatchingFacts.Facts today) {
        return gap.youths().stream()
                .flatMap(youth -> today.offers().stream().filter(offer -> Eligibility.fits(youth, offer))
                        .map(offer -> Eligibility.contractFor(youth, offer, today.contracts()))
                        .flatMap(Optional::stream))
                .filter(contract -> contract.volumeCeiling() != null || contract.budgetCeilingCents() != null)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** The provider's contract, the one with the most municipalities when it has several. */
    private static Optional<Contract> contractOf(long providerId, List<Contract> contracts) {
        return contracts.stream().filter(contract -> contract.providerId() == providerId)
                .max(Comparator.comparingInt(contract -> contract.municipalities().size()));
    }

    /** The median daily tariff the region's contracts pay for the care type, in euros. */
    private static BigDecimal tariff(String careType, List<Contract> contracts) {
        List<Long> tariffs = contracts.stream().map(contract -> contract.dailyTariffCents(careType))
                .filter(cents -> cents > 0).sorted().toList();
        return tariffs.isEmpty() ? FALLBACK_TARIFF : BigDecimal.valueOf(tariffs.get(tariffs.size() / 2), 2);
    }

    private static String mostCommon(List<String> values) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
    }

    private static String describe(ScenarioChangeDto change, Gap gap, Map<String, String> names) {
        return switch (change.getKind()) {
            case EXTRA_PLACES -> change.getPlaces() + " extra place(s) at offer " + change.getOfferId()
                    + ", the contracted offer that fits most of the youths waiting for care type " + gap.careType();
            case CONTRACT_EXTENSION -> "Contract " + change.getContractId() + " extended to "
                    + change.getMunicipalities().stream().map(code -> names.getOrDefault(code, code))
                            .collect(Collectors.joining(", "))
                    + (change.getCareTypes().isEmpty() ? "" : " and care type " + gap.careType())
                    + ", so that the fitting offer of its provider may take the youths";
            case NEW_OFFER -> "A new offer of care type " + gap.careType() + " at security level "
                    + change.getSecurityLevel().getValue() + " in "
                    + names.getOrDefault(change.getMunicipality(), change.getMunicipality()) + " with "
                    + change.getPlaces() + " place(s) at € " + String.format(Locale.ROOT, "%.2f", change.getDailyTariff())
                    + " a day";
            case RAISED_CEILING -> "The ceiling of contract " + change.getContractId() + " raised"
                    + (change.getVolumeCeiling() == null ? "" : " to " + change.getVolumeCeiling() + " placements")
                    + (change.getBudgetCeiling() == null ? ""
                            : ", budget € " + String.format(Locale.ROOT, "%.2f", change.getBudgetCeiling()));
        };
    }
}
