package nl.passend.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.contract.ContractService;
import nl.passend.offer.OfferService;
import nl.passend.placement.PlacementProposals;
import nl.passend.placement.PlacementProposals.HeldPlace;
import nl.passend.reference.ReferenceDataService;
import nl.passend.referral.Referral;
import nl.passend.referral.ReferralService;
import nl.passend.solver.Contract;
import nl.passend.solver.Demand;
import nl.passend.solver.MatchingProblem;
import nl.passend.solver.MatchingProblem.ExistingPlacement;
import nl.passend.solver.MatchingSolution;
import nl.passend.solver.MatchingWeights;
import nl.passend.solver.Offer;

/**
 * Reads the region's supply and demand into a planning problem. Open referrals of youths living in the scope are
 * matched to every eligible offer, wherever it is. Every place held now (proposed, accepted or started) is pinned: it
 * keeps its offer and counts against capacity, ceilings and budgets; what ended placements cost is taken off their
 * contract's budget. An inactive offer takes no one new.
 */
@Component
public class MatchingFacts {

    /**
     * The supply and demand of a scope as the solver sees them, with what a run needs to store and later check of
     * each offer, contract and referral. Scenarios change copies of the lists; nothing here writes.
     */
    public record Facts(List<Offer> offers, List<Contract> contracts, List<Demand> open,
            List<ExistingPlacement> existing, MatchingWeights weights, Map<Long, Long> offerVersions,
            Map<Long, Long> contractVersions, Map<Long, String> youthRegionByReferral,
            Map<String, String> municipalityNames) {

        /** A new planning problem of these facts, to solve. */
        public MatchingSolution problem() {
            return MatchingProblem.of(offers, contracts, open, existing, weights);
        }

        /** The same demand on other supply. */
        public Facts withSupply(List<Offer> otherOffers, List<Contract> otherContracts) {
            return new Facts(otherOffers, otherContracts, open, existing, weights, offerVersions, contractVersions,
                    youthRegionByReferral, municipalityNames);
        }
    }

    private final OfferService offers;
    private final ContractService contracts;
    private final ReferralService referrals;
    private final PlacementProposals placements;
    private final ReferenceDataService referenceData;
    private final MatchingProperties properties;
    private final Clock clock;

    MatchingFacts(OfferService offers, ContractService contracts, ReferralService referrals,
            PlacementProposals placements, ReferenceDataService referenceData, MatchingProperties properties,
            Clock clock) {
        this.offers = offers;
        this.contracts = contracts;
        this.referrals = referrals;
        this.placements = placements;
        this.referenceData = referenceData;
        this.properties = properties;
        this.clock = clock;
    }

    /** The open referrals of youths in the youth region, or in all regions for {@code null}, and all supply. */
    @Transactional(readOnly = true)
    public Facts load(@Nullable String youthRegion) {
        LocalDate today = LocalDate.now(clock);
        List<HeldPlace> held = placements.heldPlaces();
        Map<Long, Long> heldAt = held.stream()
                .collect(Collectors.groupingBy(place -> place.offer().getId(), Collectors.counting()));

        List<nl.passend.offer.Offer> allOffers = offers.all();
        List<Offer> supply = allOffers.stream()
                .filter(offer -> offer.isActive() || heldAt.containsKey(offer.getId()))
                .map(offer -> offer(offer, heldAt.getOrDefault(offer.getId(), 0L).intValue()))
                .toList();
        List<nl.passend.contract.Contract> allContracts = contracts.all();
        // Ended placements are not in the problem, so what they cost (daily tariff × expected stay, as the score
        // counts every placement) is taken off their contract's budget beforehand.
        Map<Long, Long> spentCents = new HashMap<>();
        for (HeldPlace ended : placements.endedPlaces()) {
            spentCents.merge(ended.contract().getId(), ended.contract().fact(0).costCents(
                    ended.referral().getCareType().getCode(), ended.referral().getExpectedDurationDays()), Long::sum);
        }
        List<Contract> contractFacts = allContracts.stream()
                .map(contract -> contract.fact(spentCents.getOrDefault(contract.getId(), 0L))).toList();

        List<Referral> open = referrals.open(youthRegion);
        List<Demand> demand = open.stream().map(referral -> referral.demand(today)).toList();
        List<ExistingPlacement> existing = held.stream()
                .map(place -> new ExistingPlacement(place.referral().demand(today), place.offer().getId(),
                        place.contract().getId()))
                .toList();

        return new Facts(supply, contractFacts, demand, existing, properties.weights(),
                allOffers.stream().collect(Collectors.toMap(nl.passend.offer.Offer::getId,
                        nl.passend.offer.Offer::getVersion)),
                allContracts.stream().collect(Collectors.toMap(nl.passend.contract.Contract::getId,
                        nl.passend.contract.Contract::getVersion)),
                open.stream().collect(Collectors.toMap(Referral::getId,
                        referral -> referral.getYouth().getHomeMunicipality().getYouthRegion().getCode())),
                referenceData.municipalityNames());
    }

    /**
     * An offer as matching sees it. Its capacity is never below the places Passend already holds there, so that a
     * provider reporting fewer places than are taken makes no one move, and an inactive offer has room for no one.
     */
    private static Offer offer(nl.passend.offer.Offer offer, int held) {
        int capacity = offer.isActive() && offer.getLocation().isActive() ? Math.max(offer.getCapacity(), held) : held;
        return offer.fact(capacity);
    }
}
