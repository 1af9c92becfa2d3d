package nl.passend.solver;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Explains one referral of a solved matching in the words a probation officer reads. */
public final class Explainer {

    /** How many better-scoring alternatives and how many ineligible offers near home an explanation names. */
    static final int MOST_NOTES = 3;

    /** Said of a youth left without a place when the run proved its answer the best there is. */
    static final String NO_BETTER_ANSWER = "No better answer exists: this run is proven optimal, so any place for "
            + "this youth would have been taken from youths who together wait as long or longer, weighed by urgency.";

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
                        describe(offer) + ": " + whyNot(referral, offer, chosenCost)))
                .toList();

        long reach = referral.getOffer() == null ? Long.MAX_VALUE : distance(demand, referral.getOffer());
        List<Explanation.OfferNote> notEligible = solution.getOffers().stream()
                .filter(offer -> offer.careType().equals(demand.careType()))
                .filter(offer -> !referral.getEligibleOffers().contains(offer))
                .filter(offer -> distance(demand, offer) <= reach)
                .sorted(Comparator.comparingLong(offer -> distance(demand, offer)))
                .limit(MOST_NOTES)
                .map(offer -> new Explanation.OfferNote(offer.id(), distance(demand, offer),
                        describe(offer) + ": " + firstRuleFailed(demand, offer)))
                .toList();

        UnmetDemandReason reason = unmet.get(referral.getId());
        String summary = chosen != null ? chosen.text() : "No place now (" + reason + "): " + needed(demand, reason)
                + (solution.getBound().provenOptimal() && !referral.getEligibleOffers().isEmpty()
                        ? " " + NO_BETTER_ANSWER : "");
        return new Explanation(referral.getId(), chosen, alternatives, notEligible, reason, summary);
    }

    private Explanation.Chosen chosen(Referral referral) {
        Offer offer = referral.getOffer();
        Demand demand = referral.getDemand();
        int extra = offer.securityLevel() - demand.minSecurityLevel();
        long tariffEuros = referral.getContract().dailyTariffCents(demand.careType()) / 100;
        long tariffPoints = referral.getWeights().tariff(referral.getContract().dailyTariffCents(demand.careType()));
        String security = extra == 0 ? "security level " + offer.securityLevel() + " as required"
                : "security level " + offer.securityLevel() + ", " + extra + " above the required "
                        + demand.minSecurityLevel();
        String text = "Placed at " + describe(offer) + ", " + distance(demand, offer) + " km from home in "
                + name(demand.homeMunicipality()) + "; " + security + "; daily tariff € " + tariffEuros + ".";
        return new Explanation.Chosen(offer.id(), distance(demand, offer), extra, tariffPoints, text);
    }

    /** Why an offer the referral was eligible for is not its place. */
    private String whyNot(Referral referral, Offer offer, long chosenCost) {
        int extra = offer.securityLevel() - referral.getDemand().minSecurityLevel();
        String moreSecure = extra > 0 ? "; it is also " + extra + " security level(s) above the one needed" : "";
        long others = placedAt.getOrDefault(offer, 0L);
        if (others >= offer.capacity()) {
            return (offer.capacity() == 0 ? "full: it has no place for Passend now"
                    : "full: its " + offer.capacity() + " place(s) are taken") + moreSecure;
        }
        Contract contract = Eligibility.contractFor(referral.getDemand(), offer, solution.getContracts()).orElseThrow();
        if (contract.volumeCeiling() != null && placedUnder.getOrDefault(contract, 0L) >= contract.volumeCeiling()) {
            return "its contract has reached its volume ceiling of " + contract.volumeCeiling() + " placements"
                    + moreSecure;
        }
        if (coDefendantAt(referral, offer)) {
            return "a co-defendant is placed at this location" + moreSecure;
        }
        long cost = softCost(referral, offer);
        if (cost > chosenCost) {
            return "it scores worse: " + distance(referral.getDemand(), offer) + " km from home"
                    + (extra > 0 ? ", " + extra + " security level(s) more than needed" : "")
                    + ", cost " + cost + " points against " + chosenCost;
        }
        return "it fits as well; the place went where it served the region most";
    }

    /**
     * The first rule the offer fails for the referral, in {@link Eligibility.Misfit}'s order; the words may name the
     * youth's age and gender, as the officer who reads them knows the youth.
     */
    private String firstRuleFailed(Demand demand, Offer offer) {
        Eligibility.Misfit first = Eligibility.misfits(demand, offer).stream().findFirst().orElse(null);
        if (first == null) {
            return "no contract covers " + name(demand.homeMunicipality()) + " for care type " + demand.careType()
                    + " there on " + demand.requestedStart();
        }
        return switch (first) {
            case CARE_TYPE -> "it is care type " + offer.careType();
            case SECURITY -> "security level " + offer.securityLevel() + " is below the required "
                    + demand.minSecurityLevel();
            case AGE -> "it takes ages " + offer.minAge() + " to " + offer.maxAge() + "; the youth is " + demand.age();
            case GENDER -> "it does not take gender " + demand.gender();
            case SPECIALISM -> "it lacks specialism "
                    + String.join(", ", Eligibility.missingSpecialisms(demand, offer));
            case EXCLUDED_MUNICIPALITY -> name(offer.municipalityCode()) + " is excluded for this youth";
            // An offer alone breaks no contract rule; the switch names them so that a new misfit needs words here.
            case CONTRACT_PROVIDER, CONTRACT_PERIOD, CONTRACT_MUNICIPALITY, CONTRACT_CARE_TYPE ->
                    throw new IllegalStateException(first + " is not a rule of the offer");
        };
    }

    private String needed(Demand demand, UnmetDemandReason reason) {
        return switch (reason) {
            case NO_OFFER -> "an offer of care type " + demand.careType() + " at security level "
                    + demand.minSecurityLevel() + " or higher for a " + demand.age() + "-year-old ("
                    + demand.gender() + ")" + (demand.specialisms().isEmpty() ? ""
                            : " with " + String.join(", ", demand.specialisms()));
            case NO_CONTRACT -> "a contract that covers " + name(demand.homeMunicipality()) + " for care type "
                    + demand.careType() + " with a provider of a fitting offer";
            case CEILING -> "room under the volume or budget ceiling of a contract that covers "
                    + name(demand.homeMunicipality());
            case NO_CAPACITY -> "a free place at one of the contracted offers that fit";
            case EXCLUDED -> "a fitting offer outside the municipalities excluded for this youth";
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

    private String describe(Offer offer) {
        return "offer " + offer.id() + " in " + name(offer.municipalityCode()) + " (security level "
                + offer.securityLevel() + ")";
    }

    private String name(String municipalityCode) {
        return municipalityNames.getOrDefault(municipalityCode, municipalityCode);
    }
}
