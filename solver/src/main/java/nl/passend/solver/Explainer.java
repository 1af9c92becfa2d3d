package nl.passend.solver;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.passend.solver.Phrase.Count;
import nl.passend.solver.Phrase.Day;
import nl.passend.solver.Phrase.Euros;
import nl.passend.solver.Phrase.Gender;
import nl.passend.solver.Phrase.Level;
import nl.passend.solver.Phrase.Part;
import nl.passend.solver.Phrase.Text;

/**
 * Explains one referral of a solved matching in what a probation officer reads: each sentence a {@link Phrase} whose
 * key names the sentence (under {@code explanation.}) and whose arguments are its facts, worded in the reader's language
 * by whoever shows it.
 */
public final class Explainer {

    /** How many better-scoring alternatives and how many ineligible offers near home an explanation names. */
    static final int MOST_NOTES = 3;

    /** Said of a youth left without a place when the run proved its answer the best there is. */
    static final String NO_BETTER_ANSWER = "explanation.noBetterAnswer";

    private final MatchingSolution solution;
    private final Map<String, String> municipalityNames;
    private final Map<Offer, Long> placedAt;
    private final Map<Contract, Long> placedUnder;
    private final Map<Long, UnmetDemandReason> unmet;

    /** @param municipalityNames CBS code to name, so that the words name places as people do */
    public Explainer(MatchingSolution solution, Map<String, String> municipalityNames) {
        this.solution = solution;
        this.municipalityNames = municipalityNames;
        this.placedAt = solution.getReferrals().stream().filter(r -> r.getOffer() != null)
                .collect(Collectors.groupingBy(Referral::getOffer, Collectors.counting()));
        this.placedUnder = solution.getReferrals().stream().filter(r -> r.getOffer() != null)
                .collect(Collectors.groupingBy(Referral::getContract, Collectors.counting()));
        this.unmet = UnmetDemand.classify(solution);
    }

    public Optional<Explanation> explain(long referralId) {
        return solution.getReferrals().stream()
                .filter(referral -> referral.getId() == referralId && referral.getDemand() != null)
                .findFirst()
                .map(this::explain);
    }

    private Explanation explain(Referral referral) {
        Demand demand = referral.getDemand();
        Explanation.Chosen chosen = referral.getOffer() == null ? null : chosen(referral);
        long chosenCost = referral.getOffer() == null ? Long.MAX_VALUE : softCost(referral, referral.getOffer());

        List<Explanation.OfferNote> alternatives = referral.getEligibleOffers().stream()
                .filter(offer -> !offer.equals(referral.getOffer()))
                .sorted(Comparator.comparingLong(offer -> softCost(referral, offer)))
                .limit(MOST_NOTES)
                .map(offer -> new Explanation.OfferNote(offer.id(), distance(demand, offer),
                        note(offer, whyNot(referral, offer, chosenCost))))
                .toList();

        long reach = referral.getOffer() == null ? Long.MAX_VALUE : distance(demand, referral.getOffer());
        List<Explanation.OfferNote> notEligible = solution.getOffers().stream()
                .filter(offer -> offer.careType().equals(demand.careType()))
                .filter(offer -> !referral.getEligibleOffers().contains(offer))
                .filter(offer -> distance(demand, offer) <= reach)
                .sorted(Comparator.comparingLong(offer -> distance(demand, offer)))
                .limit(MOST_NOTES)
                .map(offer -> new Explanation.OfferNote(offer.id(), distance(demand, offer),
                        note(offer, firstRuleFailed(demand, offer))))
                .toList();

        UnmetDemandReason reason = unmet.get(referral.getId());
        List<Phrase> summary = chosen != null ? List.of(chosen.text())
                : solution.getBound().provenOptimal() && !referral.getEligibleOffers().isEmpty()
                        ? List.of(unplaced(demand, reason), Phrase.of(NO_BETTER_ANSWER))
                        : List.of(unplaced(demand, reason));
        return new Explanation(referral.getId(), chosen, alternatives, notEligible, reason, summary);
    }

    private Explanation.Chosen chosen(Referral referral) {
        Offer offer = referral.getOffer();
        Demand demand = referral.getDemand();
        int extra = offer.securityLevel() - demand.minSecurityLevel();
        long tariffCents = referral.getContract().dailyTariffCents(demand.careType());
        long tariffPoints = referral.getWeights().tariff(tariffCents);
        Phrase security = extra == 0 ? Phrase.of("explanation.securityAsRequired", new Level(offer.securityLevel()))
                : Phrase.of("explanation.securityAbove", new Level(offer.securityLevel()), new Count(extra),
                        new Count(demand.minSecurityLevel()));
        Phrase text = Phrase.of("explanation.placed", new Count(offer.id()), name(offer.municipalityCode()),
                new Level(offer.securityLevel()), new Count(distance(demand, offer)), name(demand.homeMunicipality()),
                new Part(security), new Euros(tariffCents));
        return new Explanation.Chosen(offer.id(), distance(demand, offer), extra, tariffPoints, text);
    }

    /** Why an offer the referral was eligible for is not its place. */
    private Phrase whyNot(Referral referral, Offer offer, long chosenCost) {
        int extra = offer.securityLevel() - referral.getDemand().minSecurityLevel();
        long others = placedAt.getOrDefault(offer, 0L);
        if (others >= offer.capacity()) {
            return alsoMoreSecure(offer.capacity() == 0 ? Phrase.of("explanation.fullNoPlace")
                    : Phrase.of("explanation.full", new Count(offer.capacity())), extra);
        }
        Contract contract = Eligibility.contractFor(referral.getDemand(), offer, solution.getContracts()).orElseThrow();
        if (contract.volumeCeiling() != null && placedUnder.getOrDefault(contract, 0L) >= contract.volumeCeiling()) {
            return alsoMoreSecure(Phrase.of("explanation.volumeCeiling", new Count(contract.volumeCeiling())), extra);
        }
        if (coDefendantAt(referral, offer)) {
            return alsoMoreSecure(Phrase.of("explanation.coDefendant"), extra);
        }
        long cost = softCost(referral, offer);
        if (cost > chosenCost) {
            Count distance = new Count(distance(referral.getDemand(), offer));
            return extra > 0 ? Phrase.of("explanation.scoresWorseMoreSecure", distance, new Count(extra),
                    new Count(cost), new Count(chosenCost))
                    : Phrase.of("explanation.scoresWorse", distance, new Count(cost), new Count(chosenCost));
        }
        return Phrase.of("explanation.fitsAsWell");
    }

    /** The reason, and that the offer is also more secure than needed if it is. */
    private static Phrase alsoMoreSecure(Phrase reason, int extra) {
        return extra > 0 ? Phrase.of("explanation.alsoMoreSecure", new Part(reason), new Count(extra)) : reason;
    }

    /**
     * The first rule the offer fails for the referral, in {@link Eligibility.Misfit}'s order; the words may name the
     * youth's age and gender, as the officer who reads them knows the youth.
     */
    private Phrase firstRuleFailed(Demand demand, Offer offer) {
        Eligibility.Misfit first = Eligibility.misfits(demand, offer).stream().findFirst().orElse(null);
        if (first == null) {
            return Phrase.of("explanation.noContract", name(demand.homeMunicipality()), new Text(demand.careType()),
                    new Day(demand.requestedStart()));
        }
        return switch (first) {
            case CARE_TYPE -> Phrase.of("explanation.careType", new Text(offer.careType()));
            case SECURITY -> Phrase.of("explanation.securityBelow", new Level(offer.securityLevel()),
                    new Count(demand.minSecurityLevel()));
            case AGE -> Phrase.of("explanation.age", new Count(offer.minAge()), new Count(offer.maxAge()),
                    new Count(demand.age()));
            case GENDER -> Phrase.of("explanation.gender", new Gender(demand.gender()));
            case SPECIALISM -> Phrase.of("explanation.specialism",
                    new Text(String.join(", ", Eligibility.missingSpecialisms(demand, offer))));
            case EXCLUDED_MUNICIPALITY -> Phrase.of("explanation.excluded", name(offer.municipalityCode()));
            // An offer alone breaks no contract rule; the switch names them so that a new misfit needs words here.
            case CONTRACT_PROVIDER, CONTRACT_PERIOD, CONTRACT_MUNICIPALITY, CONTRACT_CARE_TYPE ->
                    throw new IllegalStateException(first + " is not a rule of the offer");
        };
    }

    /** No place now, the reason by its code, and what would have been needed. */
    private Phrase unplaced(Demand demand, UnmetDemandReason reason) {
        return Phrase.of("explanation.unplaced", new Part(Phrase.of("explanation.reason." + reason.name())),
                new Part(needed(demand, reason)));
    }

    private Phrase needed(Demand demand, UnmetDemandReason reason) {
        String key = "explanation.needed." + reason.name();
        return switch (reason) {
            case NO_OFFER -> demand.specialisms().isEmpty()
                    ? Phrase.of(key, new Text(demand.careType()), new Level(demand.minSecurityLevel()),
                            new Count(demand.age()), new Gender(demand.gender()))
                    : Phrase.of(key + ".withSpecialisms", new Text(demand.careType()),
                            new Level(demand.minSecurityLevel()), new Count(demand.age()), new Gender(demand.gender()),
                            new Text(String.join(", ", demand.specialisms())));
            case NO_CONTRACT -> Phrase.of(key, name(demand.homeMunicipality()), new Text(demand.careType()));
            case CEILING -> Phrase.of(key, name(demand.homeMunicipality()));
            case NO_CAPACITY, EXCLUDED -> Phrase.of(key);
        };
    }

    private boolean coDefendantAt(Referral referral, Offer offer) {
        return referral.getCoDefendantGroup() != null && solution.getReferrals().stream()
                .anyMatch(other -> other != referral && other.getOffer() != null
                        && referral.getCoDefendantGroup().equals(other.getCoDefendantGroup())
                        && other.getOffer().locationId() == offer.locationId());
    }

    /** The soft terms of the score for this referral at this offer. */
    private long softCost(Referral referral, Offer offer) {
        Demand demand = referral.getDemand();
        Contract contract = Eligibility.contractFor(demand, offer, solution.getContracts()).orElse(null);
        MatchingWeights weights = referral.getWeights();
        long tariff = contract == null ? 0 : weights.tariff(contract.dailyTariffCents(demand.careType()));
        return distance(demand, offer) + tariff + weights.extraSecurity(offer.securityLevel() - demand.minSecurityLevel());
    }

    private static long distance(Demand demand, Offer offer) {
        return Distances.kilometres(demand.homeLatitude(), demand.homeLongitude(), offer.latitude(),
                offer.longitude());
    }

    /** The offer by its id, place and security level, and why it is not the referral's place. */
    private Phrase note(Offer offer, Phrase why) {
        return Phrase.of("explanation.note", new Part(Phrase.of("explanation.offer", new Count(offer.id()),
                name(offer.municipalityCode()), new Level(offer.securityLevel()))), new Part(why));
    }

    private Text name(String municipalityCode) {
        return new Text(municipalityNames.getOrDefault(municipalityCode, municipalityCode));
    }
}
