package nl.passend.solver;

import java.util.Optional;

/** The rules of DESIGN.md that make an offer under a contract a possible place for a referral. */
public final class Eligibility {

    private Eligibility() {
    }

    /** Whether the offer suits the youth's needs: care type, security, age, gender and specialisms. */
    public static boolean fits(Demand demand, Offer offer) {
        return offer.careType().equals(demand.careType()) && offer.securityLevel() >= demand.minSecurityLevel()
                && demand.age() >= offer.minAge() && demand.age() <= offer.maxAge()
                && offer.genders().contains(demand.gender()) && offer.specialisms().containsAll(demand.specialisms());
    }

    /** Whether the offer's municipality is excluded for the youth, for example where a victim lives. */
    public static boolean excluded(Demand demand, Offer offer) {
        return demand.excludedMunicipalities().contains(offer.municipalityCode());
    }

    /** Whether the contract pays for this offer for this youth: same provider, valid, covering home and care type. */
    public static boolean pays(Contract contract, Demand demand, Offer offer) {
        return contract.providerId() == offer.providerId()
                && !demand.requestedStart().isBefore(contract.validFrom())
                && !demand.requestedStart().isAfter(contract.validUntil())
                && contract.municipalities().contains(demand.homeMunicipality())
                && contract.dailyTariffCents().containsKey(demand.careType());
    }

    /** The contract that pays for the offer for the youth; at most one exists per provider, care type and day. */
    public static Optional<Contract> contractFor(Demand demand, Offer offer, Iterable<Contract> contracts) {
        for (Contract contract : contracts) {
            if (pays(contract, demand, offer)) {
                return Optional.of(contract);
            }
        }
        return Optional.empty();
    }
}
