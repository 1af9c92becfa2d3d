package nl.passend.scenario;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.passend.api.model.ContractCareTypeDto;
import nl.passend.api.model.PurchaseAdviceResultDto;
import nl.passend.api.model.PurchaseCandidateDto;
import nl.passend.api.model.ScenarioChangeDto;
import nl.passend.api.model.ScenarioChangeKindDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.api.model.UnmetDemandReasonDto;
import nl.passend.matching.MatchingFacts;
import nl.passend.matching.MatchingRunner;
import nl.passend.report.SmallCells;
import nl.passend.reference.SecurityLevel;
import nl.passend.solver.Contract;
import nl.passend.solver.Demand;
import nl.passend.solver.Distances;
import nl.passend.solver.Eligibility;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.Offer;
import nl.passend.solver.Referral;
import nl.passend.solver.UnmetDemand;
import nl.passend.solver.UnmetDemandReason;

/**
 * Works out purchase advice for a youth region: for its largest gaps, the purchase each gap's main reason points to,
 * tried as a scenario and ranked by youths placed per euro per year. It runs in a solving job, with no one signed in,
 * and holds no transaction, and so no connection, while it solves.
 */
@Component
class PurchaseAdvisor {

    /** The tariff a new offer is assumed to cost when no contract buys its care type yet, in euros a day. */
    static final BigDecimal FALLBACK_TARIFF = new BigDecimal("500");

    /**
     * The advice twice, from one working-out: with euros for purchasers, and without them, where the descriptions
     * name no tariff or budget either.
     */
    record Advice(PurchaseAdviceResultDto withEuros, PurchaseAdviceResultDto withoutEuros) {
    }

    private record Gap(String careType, int minSecurityLevel, UnmetDemandReason reason, List<Demand> youths) {
    }

    private final MatchingFacts facts;
    private final MatchingRunner matching;
    private final ScenarioService scenarios;
    private final ScenarioProperties properties;
    private final ObjectMapper json;

    PurchaseAdvisor(MatchingFacts facts, MatchingRunner matching, ScenarioService scenarios,
            ScenarioProperties properties, ObjectMapper json) {
        this.facts = facts;
        this.matching = matching;
        this.scenarios = scenarios;
        this.properties = properties;
        this.json = json;
    }

    Advice advise(String youthRegion) {
        MatchingFacts.Facts today = facts.load(youthRegion);
        SupplyChanges.Context context = scenarios.context(youthRegion);
        Duration limit = properties.adviceTimeLimit();
        MatchingSolution solved = matching.solve(today, limit);
        Figures before = Figures.of(solved, today);

        record Ranked(PurchaseCandidateDto candidate, String withoutEuros, int placedMore, double value) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Gap gap : largestGaps(solved)) {
            Optional<ScenarioChangeDto> change = purchaseFor(gap, today, context);
            if (change.isEmpty()) {
                continue;
            }
            MatchingFacts.Facts changed = SupplyChanges.apply(today, List.of(change.get()), context);
            Figures after = Figures.of(matching.solve(changed, limit), changed);
            int placedMore = after.placedCount() - before.placedCount();
            BigDecimal costMore = after.costPerYear().subtract(before.costPerYear());
            PurchaseCandidateDto candidate = new PurchaseCandidateDto(0,
                    UnmetDemandReasonDto.valueOf(gap.reason().name()), gap.careType(),
                    SecurityLevelDto.valueOf(SecurityLevel.ofLevel(gap.minSecurityLevel()).name()), gap.youths().size(),
                    change.get(), describe(change.get(), gap, today.municipalityNames(), true),
                    SmallCells.change(placedMore), after.placedMoreByUrgency(before),
                    after.distanceKm() - before.distanceKm());
            // Youths placed per million euros a year; a change that places youths at no extra cost comes first.
            double value = placedMore > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE;
            if (costMore.signum() > 0) {
                value = BigDecimal.valueOf(placedMore * 1_000_000L).divide(costMore, 2, RoundingMode.HALF_UP)
                        .doubleValue();
                candidate.youthsPerMillionEurosPerYear(value);
            }
            candidate.costPerYearChange(costMore.doubleValue());
            ranked.add(new Ranked(candidate, describe(change.get(), gap, today.municipalityNames(), false),
                    placedMore, value));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::value).reversed()
                .thenComparing(Comparator.comparingInt(Ranked::placedMore).reversed()));
        List<PurchaseCandidateDto> candidates = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            candidates.add(ranked.get(i).candidate().rank(i + 1));
        }
        PurchaseAdviceResultDto withEuros = new PurchaseAdviceResultDto(youthRegion, before.toDto(true), candidates);
        // A copy, so that leaving the euros out does not touch the advice with them.
        PurchaseAdviceResultDto withoutEuros = json.convertValue(withEuros, PurchaseAdviceResultDto.class);
        withoutEuros.getToday().costPerYear(null);
        for (int i = 0; i < ranked.size(); i++) {
            PurchaseCandidateDto candidate = withoutEuros.getCandidates().get(i)
                    .description(ranked.get(i).withoutEuros())
                    .costPerYearChange(null).youthsPerMillionEurosPerYear(null);
            candidate.getChange().dailyTariff(null).budgetCeiling(null);
            candidate.getChange().setCareTypes(new ArrayList<>());
        }
        return new Advice(withEuros, withoutEuros);
    }

    /**
     * The unplaced youths by care type and security level, each group with its most common reason, largest first;
     * only where 5 or more youths share that reason, so that no purchase points at a few youths.
     */
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
                    .filter(main -> main.getValue().size() >= SmallCells.THRESHOLD)
                    .ifPresent(main -> gaps.add(new Gap(key.careType(), key.minSecurityLevel(), main.getKey(),
                            main.getValue())));
        });
        gaps.sort(Comparator.comparingInt((Gap gap) -> gap.youths().size()).reversed()
                .thenComparing(Gap::careType).thenComparingInt(Gap::minSecurityLevel));
        return gaps.stream().limit(properties.adviceCandidates()).toList();
    }

    /**
     * The purchase that answers the gap's reason. It takes nothing from what is known of the gap's youths but their
     * number: a contract is extended to the whole region, a new offer stands in the region's most central
     * municipality, for every age and gender, with the specialisms that 5 or more of them need.
     */
    private Optional<ScenarioChangeDto> purchaseFor(Gap gap, MatchingFacts.Facts today,
            SupplyChanges.Context context) {
        int youths = gap.youths().size();
        return switch (gap.reason()) {
            case NO_CAPACITY -> mostFitting(gap, today.offers(), offer -> gap.youths().stream()
                    .anyMatch(youth -> Eligibility.contractFor(youth, offer, today.contracts()).isPresent()))
                    .map(offer -> new ScenarioChangeDto(ScenarioChangeKindDto.EXTRA_PLACES).offerId(offer.id())
                            .places(youths));
            case NO_CONTRACT -> mostFitting(gap, today.offers(), offer -> offer.capacity() > 0).flatMap(offer ->
                    contractOf(offer.providerId(), today.contracts()).map(contract -> {
                        Set<String> uncovered = new TreeSet<>(context.defaultCoverage());
                        uncovered.removeAll(contract.municipalities());
                        ScenarioChangeDto change = new ScenarioChangeDto(ScenarioChangeKindDto.CONTRACT_EXTENSION)
                                .contractId(contract.id()).municipalities(uncovered);
                        if (contract.dailyTariffCents(gap.careType()) == 0) {
                            change.careTypes(new ArrayList<>(List.of(new ContractCareTypeDto(gap.careType(),
                                    tariff(gap.careType(), today.contracts())))));
                        }
                        return change;
                    }));
            case NO_OFFER -> Optional.of(new ScenarioChangeDto(ScenarioChangeKindDto.NEW_OFFER)
                    .careType(gap.careType())
                    .securityLevel(SecurityLevelDto.valueOf(SecurityLevel.ofLevel(gap.minSecurityLevel()).name()))
                    .municipality(central(context))
                    .places(youths).dailyTariff(tariff(gap.careType(), today.contracts()).doubleValue())
                    .specialisms(sharedSpecialisms(gap)));
            case CEILING -> ceilingContract(gap, today).map(contract -> {
                ScenarioChangeDto change = new ScenarioChangeDto(ScenarioChangeKindDto.RAISED_CEILING)
                        .contractId(contract.id());
                if (contract.volumeCeiling() != null) {
                    change.volumeCeiling(contract.volumeCeiling() + youths);
                }
                if (contract.budgetCeilingCents() != null) {
                    long more = gap.youths().stream().mapToLong(youth ->
                            contract.costCents(youth.careType(), youth.expectedDurationDays())).sum();
                    change.budgetCeiling((contract.budgetCeilingCents() + more) / 100.0);
                }
                return change;
            });
            case EXCLUDED -> Optional.empty();
        };
    }

    /** The municipality of the region nearest to the middle of its municipalities. */
    private static String central(SupplyChanges.Context context) {
        double latitude = context.defaultCoverage().stream().mapToDouble(code -> context.centroids().get(code)[0])
                .average().orElseThrow();
        double longitude = context.defaultCoverage().stream().mapToDouble(code -> context.centroids().get(code)[1])
                .average().orElseThrow();
        return context.defaultCoverage().stream()
                .min(Comparator.comparingLong((String code) -> Distances.kilometres(latitude, longitude,
                        context.centroids().get(code)[0], context.centroids().get(code)[1]))
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }

    /** The specialisms that 5 or more of the gap's youths need. */
    private static Set<String> sharedSpecialisms(Gap gap) {
        return gap.youths().stream().flatMap(youth -> youth.specialisms().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().filter(entry -> entry.getValue() >= SmallCells.THRESHOLD).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
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

    private static String describe(ScenarioChangeDto change, Gap gap, Map<String, String> names, boolean withMoney) {
        return switch (change.getKind()) {
            case EXTRA_PLACES -> change.getPlaces() + " extra place(s) at offer " + change.getOfferId()
                    + ", the contracted offer that fits most of the youths waiting for care type " + gap.careType();
            case CONTRACT_EXTENSION -> "Contract " + change.getContractId() + " extended to the rest of the region ("
                    + change.getMunicipalities().stream().map(code -> names.getOrDefault(code, code))
                            .collect(Collectors.joining(", ")) + ")"
                    + (change.getCareTypes().isEmpty() ? "" : " and care type " + gap.careType())
                    + ", so that the fitting offer of its provider may take the youths";
            case NEW_OFFER -> "A new offer of care type " + gap.careType() + " at security level "
                    + change.getSecurityLevel().getValue() + " in "
                    + names.getOrDefault(change.getMunicipality(), change.getMunicipality()) + " with "
                    + change.getPlaces() + " place(s)"
                    + (withMoney ? " at € " + String.format(Locale.ROOT, "%.2f", change.getDailyTariff()) + " a day" : "");
            case RAISED_CEILING -> "The ceiling of contract " + change.getContractId() + " raised"
                    + (change.getVolumeCeiling() == null ? "" : " to " + change.getVolumeCeiling() + " placements")
                    + (change.getBudgetCeiling() == null || !withMoney ? ""
                            : ", budget € " + String.format(Locale.ROOT, "%.2f", change.getBudgetCeiling()));
        };
    }
}
