package nl.passend.placement;

import java.util.ArrayList;
import java.util.List;

import nl.passend.contract.Contract;
import nl.passend.offer.Offer;
import nl.passend.reference.Specialism;
import nl.passend.referral.Referral;

/**
 * The rules that make an offer under a contract a possible place for a referral, in the words of DESIGN.md. The
 * reasons name the rule and what is known of the offer and contract, never what is known of the youth: planners
 * read them.
 */
final class Eligibility {

    private Eligibility() {
    }

    /** Every rule the offer or contract breaks for the referral, in plain words; empty when it fits. */
    static List<String> misfits(Referral referral, Offer offer, Contract contract) {
        List<String> misfits = new ArrayList<>();
        if (!offer.isActive()) {
            misfits.add("the offer is not active");
        }
        if (!offer.getCareType().equals(referral.getCareType())) {
            misfits.add("the offer is care type " + offer.getCareType().getCode() + ", not the care type referred");
        }
        if (offer.getSecurityLevel().level() < referral.getMinSecurityLevel().level()) {
            misfits.add("security level " + offer.getSecurityLevel() + " is below the one required");
        }
        int age = referral.getYouth().ageOn(referral.getRequestedStart());
        if (age < offer.getMinAge() || age > offer.getMaxAge()) {
            misfits.add("the offer takes ages " + offer.getMinAge() + " to " + offer.getMaxAge() + " only");
        }
        if (!offer.getAcceptedGenders().contains(referral.getYouth().getGender())) {
            misfits.add("the offer does not accept the youth's gender");
        }
        for (Specialism specialism : referral.getRequiredSpecialisms()) {
            if (!offer.getSpecialisms().contains(specialism)) {
                misfits.add("the offer lacks specialism " + specialism.getCode());
            }
        }
        if (referral.getExcludedMunicipalities().contains(offer.getLocation().getMunicipality())) {
            misfits.add("the offer's municipality is excluded for this youth");
        }
        if (!contract.getProvider().getId().equals(offer.getLocation().getProvider().getId())) {
            misfits.add("the contract is with another provider");
        }
        if (referral.getRequestedStart().isBefore(contract.getValidFrom())
                || referral.getRequestedStart().isAfter(contract.getValidUntil())) {
            misfits.add("the contract is not valid on the requested start " + referral.getRequestedStart());
        }
        if (!contract.getParticipatingMunicipalities().contains(referral.getYouth().getHomeMunicipality())) {
            misfits.add("the contract does not cover the youth's home municipality");
        }
        if (!contract.getDailyTariffs().containsKey(referral.getCareType())) {
            misfits.add("the contract does not buy care type " + referral.getCareType().getCode());
        }
        return misfits;
    }
}
