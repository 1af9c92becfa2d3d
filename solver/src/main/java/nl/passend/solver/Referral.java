package nl.passend.solver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * The planning entity: a referral that needs a place, or an existing placement (pinned). Its offer is chosen from
 * the offers it is eligible for; each eligible offer comes with the one contract that pays for it there.
 */
@PlanningEntity
public class Referral {

    @PlanningId
    private long id;

    private Urgency urgency;

    /** Whole days from the referral's creation to the run's date. */
    private int daysWaiting;

    private int minSecurityLevel;

    private String careType;

    private double homeLatitude;

    private double homeLongitude;

    private int expectedDurationDays;

    /** Referrals with the same key may not be placed at one location; {@code null} for none. */
    private String coDefendantGroup;

    @PlanningPin
    private boolean pinned;

    private MatchingWeights weights = MatchingWeights.DEFAULTS;

    /** The needs this referral was built from, to explain what it lacks; {@code null} in hand-made tests. */
    private Demand demand;

    private List<Offer> eligibleOffers;

    private Map<Long, Contract> contractByOffer;

    /** Kilometres from home to each eligible offer, by offer id: the distance term asks at every move. */
    private Map<Long, Long> kilometresByOffer;

    @PlanningVariable(valueRangeProviderRefs = "eligibleOffers", nullable = true)
    private Offer offer;

    /** For OptaPlanner's cloning. */
    Referral() {
    }

    public Referral(long id, Urgency urgency, int daysWaiting, String careType, int minSecurityLevel,
            double homeLatitude, double homeLongitude, int expectedDurationDays, String coDefendantGroup,
            Map<Long, Contract> contractByOffer, List<Offer> eligibleOffers) {
        this.id = id;
        this.urgency = urgency;
        this.daysWaiting = daysWaiting;
        this.careType = careType;
        this.minSecurityLevel = minSecurityLevel;
        this.homeLatitude = homeLatitude;
        this.homeLongitude = homeLongitude;
        this.expectedDurationDays = expectedDurationDays;
        this.coDefendantGroup = coDefendantGroup;
        this.contractByOffer = contractByOffer;
        this.eligibleOffers = eligibleOffers;
        this.kilometresByOffer = new HashMap<>();
        for (Offer eligible : eligibleOffers) {
            kilometresByOffer.put(eligible.id(),
                    Distances.kilometres(homeLatitude, homeLongitude, eligible.latitude(), eligible.longitude()));
        }
    }

    Referral(Demand demand, MatchingWeights weights, Map<Long, Contract> contractByOffer, List<Offer> eligibleOffers) {
        this(demand.referralId(), demand.urgency(), demand.daysWaiting(), demand.careType(),
                demand.minSecurityLevel(), demand.homeLatitude(), demand.homeLongitude(),
                demand.expectedDurationDays(), demand.coDefendantGroup(), contractByOffer, eligibleOffers);
        this.demand = demand;
        this.weights = weights;
    }

    /** A planning clone: the same facts, shared, and the same offer; see {@link MatchingSolutionCloner}. */
    Referral planningClone() {
        Referral clone = new Referral();
        clone.id = id;
        clone.urgency = urgency;
        clone.daysWaiting = daysWaiting;
        clone.minSecurityLevel = minSecurityLevel;
        clone.careType = careType;
        clone.homeLatitude = homeLatitude;
        clone.homeLongitude = homeLongitude;
        clone.expectedDurationDays = expectedDurationDays;
        clone.coDefendantGroup = coDefendantGroup;
        clone.pinned = pinned;
        clone.weights = weights;
        clone.demand = demand;
        clone.eligibleOffers = eligibleOffers;
        clone.contractByOffer = contractByOffer;
        clone.kilometresByOffer = kilometresByOffer;
        clone.offer = offer;
        return clone;
    }

    /** An existing placement: it keeps its offer and counts in every term like any other. */
    public static Referral pinned(Referral referral, Offer offer) {
        referral.offer = offer;
        referral.pinned = true;
        return referral;
    }

    @ValueRangeProvider(id = "eligibleOffers")
    public List<Offer> getEligibleOffers() {
        return eligibleOffers;
    }

    /** The contract that pays for the chosen offer, or {@code null} while there is none. */
    public Contract getContract() {
        return offer == null ? null : contractByOffer.get(offer.id());
    }

    /** What the placement costs the contract: the daily tariff for the care type times the expected duration. */
    public long costCents() {
        Contract contract = getContract();
        return contract == null ? 0 : contract.costCents(careType, expectedDurationDays);
    }

    /** The medium points of leaving this referral without a place: its urgency weight times (7 + days waiting). */
    public long unplacedPoints() {
        return weights.unplaced(urgency, daysWaiting);
    }

    public long distanceKilometres() {
        if (offer == null) {
            return 0;
        }
        return kilometresTo(offer);
    }

    long kilometresTo(Offer to) {
        Long kilometres = kilometresByOffer.get(to.id());
        return kilometres != null ? kilometres
                : Distances.kilometres(homeLatitude, homeLongitude, to.latitude(), to.longitude());
    }

    /** The contract that would pay for this referral at an eligible offer. */
    Contract contractAt(Offer at) {
        return contractByOffer.get(at.id());
    }

    /** What a placement at an eligible offer would cost its contract. */
    long costCentsAt(Offer at) {
        return contractAt(at).costCents(careType, expectedDurationDays);
    }

    /**
     * The soft points of a placement at an eligible offer, to rank options in {@link MatchingConstruction}; the score
     * itself is {@link MatchingConstraints}'s.
     */
    long softPointsAt(Offer at) {
        return kilometresTo(at) + weights.extraSecurity(at.securityLevel() - minSecurityLevel)
                + weights.tariff(contractAt(at).dailyTariffCents(careType));
    }

    public long getId() {
        return id;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public int getDaysWaiting() {
        return daysWaiting;
    }

    public String getCareType() {
        return careType;
    }

    public int getMinSecurityLevel() {
        return minSecurityLevel;
    }

    public String getCoDefendantGroup() {
        return coDefendantGroup;
    }

    public boolean isPinned() {
        return pinned;
    }

    public MatchingWeights getWeights() {
        return weights;
    }

    public Demand getDemand() {
        return demand;
    }

    public Offer getOffer() {
        return offer;
    }

    public void setOffer(Offer offer) {
        this.offer = offer;
    }

    /** The location of the chosen offer, or {@code null}; co-defendants are compared by it. */
    public Long getLocationId() {
        return offer == null ? null : offer.locationId();
    }
}
