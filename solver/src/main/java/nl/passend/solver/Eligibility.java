package nl.passend.solver;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules that make an offer under a contract a possible place for a referral (DESIGN.md, "Matching": the value
 * range of each referral), and the one home of each rule. Matching, its explanations, the reports and the placement
 * service all ask here, so that the engine never proposes what the placement service refuses, nor explains what it
 * did not do.
 */
public final class Eligibility {

    /**
     * What a broken rule is about, as told to someone who may not know the youth (a planner): each kind groups rules
     * so that no answer tells one rule of the kind from another, and no kind is derived from the youth alone.
     */
    public enum Kind {
        /** What the offer is: care type, security level, ages, genders and specialisms against the youth's needs. */
        NEEDS,
        /**
         * Whether a contract pays for the youth at this place: the contract's provider, period, municipalities and
         * care types, and the offer's municipality. An excluded municipality (where a victim lives) is as much the
         * youth's as the home municipality the contract must cover, so the two read alike.
         */
        COVER
    }

    /**
     * One rule an offer or its contract can break for a youth, in the order an explanation names them: first what
     * the offer is, then what the contract pays for.
     */
    public enum Misfit {
        /** The offer is another care type (iJw product category) than the one referred. */
        CARE_TYPE(Kind.NEEDS),
        /** The offer's security level is below the one the court or officer required. */
        SECURITY(Kind.NEEDS),
        /** The youth's age on the requested start is outside the offer's ages. */
        AGE(Kind.NEEDS),
        /** The offer does not take the youth's gender. */
        GENDER(Kind.NEEDS),
        /** The offer lacks a specialism the youth needs; see {@link #missingSpecialisms}. */
        SPECIALISM(Kind.NEEDS),
        /** The offer lies in a municipality excluded for the youth, for example where a victim lives. */
        EXCLUDED_MUNICIPALITY(Kind.COVER),
        /** The contract is with another provider than the offer's. */
        CONTRACT_PROVIDER(Kind.COVER),
        /** The contract is not valid on the requested start. */
        CONTRACT_PERIOD(Kind.COVER),
        /** The contract does not cover the youth's home municipality, the one that pays (woonplaatsbeginsel). */
        CONTRACT_MUNICIPALITY(Kind.COVER),
        /** The contract buys no daily tariff for the care type. */
        CONTRACT_CARE_TYPE(Kind.COVER);

        private final Kind kind;

        Misfit(Kind kind) {
            this.kind = kind;
        }

        /** Whether the rule is about the contract rather than the offer. */
        public boolean ofContract() {
            return compareTo(CONTRACT_PROVIDER) >= 0;
        }

        /** The kind of rule, all that may be told to someone who may not know the youth. */
        public Kind kind() {
            return kind;
        }
    }

    private Eligibility() {
    }

    /** The rules the offer itself breaks for the youth; empty when it suits the youth wherever it is. */
    public static Set<Misfit> misfits(Demand demand, Offer offer) {
        Set<Misfit> misfits = EnumSet.noneOf(Misfit.class);
        add(misfits, Misfit.CARE_TYPE, careTypeFits(demand, offer));
        add(misfits, Misfit.SECURITY, securityFits(demand, offer));
        add(misfits, Misfit.AGE, ageFits(demand, offer));
        add(misfits, Misfit.GENDER, genderFits(demand, offer));
        add(misfits, Misfit.SPECIALISM, specialismsFit(demand, offer));
        add(misfits, Misfit.EXCLUDED_MUNICIPALITY, !excluded(demand, offer));
        return misfits;
    }

    /** Every rule the offer and the contract break for the youth; empty when the contract may pay for it there. */
    public static Set<Misfit> misfits(Demand demand, Offer offer, Contract contract) {
        Set<Misfit> misfits = misfits(demand, offer);
        add(misfits, Misfit.CONTRACT_PROVIDER, sameProvider(contract, offer));
        add(misfits, Misfit.CONTRACT_PERIOD, validOnStart(contract, demand));
        add(misfits, Misfit.CONTRACT_MUNICIPALITY, coversHome(contract, demand));
        add(misfits, Misfit.CONTRACT_CARE_TYPE, buysCareType(contract, demand));
        return misfits;
    }

    /**
     * Whether the offer suits the youth's needs: care type, security, age, gender and specialisms. The same rules as
     * {@link #misfits(Demand, Offer)} but answered without building a set: matching asks for every youth and offer.
     */
    public static boolean fits(Demand demand, Offer offer) {
        return careTypeFits(demand, offer) && securityFits(demand, offer) && ageFits(demand, offer)
                && genderFits(demand, offer) && specialismsFit(demand, offer);
    }

    /** Whether the offer's municipality is excluded for the youth, for example where a victim lives. */
    public static boolean excluded(Demand demand, Offer offer) {
        return demand.excludedMunicipalities().contains(offer.municipalityCode());
    }

    /** Whether the contract pays for this offer for this youth: none of the contract's {@link Misfit}s. */
    public static boolean pays(Contract contract, Demand demand, Offer offer) {
        return sameProvider(contract, offer) && validOnStart(contract, demand) && coversHome(contract, demand)
                && buysCareType(contract, demand);
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

    /** The specialisms the youth needs and the offer lacks, sorted by code: what {@link Misfit#SPECIALISM} names. */
    public static Set<String> missingSpecialisms(Demand demand, Offer offer) {
        Set<String> missing = new TreeSet<>(demand.specialisms());
        missing.removeAll(offer.specialisms());
        return missing;
    }

    private static void add(Set<Misfit> misfits, Misfit misfit, boolean kept) {
        if (!kept) {
            misfits.add(misfit);
        }
    }

    private static boolean careTypeFits(Demand demand, Offer offer) {
        return offer.careType().equals(demand.careType());
    }

    private static boolean securityFits(Demand demand, Offer offer) {
        return offer.securityLevel() >= demand.minSecurityLevel();
    }

    /** The age on the requested start counts, not today's: a youth may turn 18 while waiting. */
    private static boolean ageFits(Demand demand, Offer offer) {
        return demand.age() >= offer.minAge() && demand.age() <= offer.maxAge();
    }

    private static boolean genderFits(Demand demand, Offer offer) {
        return offer.genders().contains(demand.gender());
    }

    private static boolean specialismsFit(Demand demand, Offer offer) {
        return offer.specialisms().containsAll(demand.specialisms());
    }

    private static boolean sameProvider(Contract contract, Offer offer) {
        return contract.providerId() == offer.providerId();
    }

    private static boolean validOnStart(Contract contract, Demand demand) {
        return !demand.requestedStart().isBefore(contract.validFrom())
                && !demand.requestedStart().isAfter(contract.validUntil());
    }

    /** The youth's home municipality pays for the care (woonplaatsbeginsel), so its contract must cover it. */
    private static boolean coversHome(Contract contract, Demand demand) {
        return contract.municipalities().contains(demand.homeMunicipality());
    }

    private static boolean buysCareType(Contract contract, Demand demand) {
        return contract.dailyTariffCents().containsKey(demand.careType());
    }
}
