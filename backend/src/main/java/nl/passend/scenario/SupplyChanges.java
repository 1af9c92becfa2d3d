package nl.passend.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import nl.passend.api.model.ContractCareTypeDto;
import nl.passend.api.model.ScenarioChangeDto;
import nl.passend.matching.MatchingFacts;
import nl.passend.matching.MatchingFacts.Facts;
import nl.passend.reference.Gender;
import nl.passend.reference.SecurityLevel;
import nl.passend.shared.Money;
import nl.passend.solver.Contract;
import nl.passend.solver.Offer;

/**
 * A scenario's changes applied to a copy of today's supply. A new offer gets a provider, location and contract of
 * its own, with negative ids that no real row has, valid for as long as any referral asks.
 */
final class SupplyChanges {

    static final int DEFAULT_MIN_AGE = 12;
    static final int DEFAULT_MAX_AGE = 23;
    private static final LocalDate ALWAYS_FROM = LocalDate.of(2000, 1, 1);
    private static final LocalDate ALWAYS_UNTIL = LocalDate.of(2999, 12, 31);

    /**
     * @param centroids each municipality's centroid, latitude then longitude, where a new offer is placed
     * @param defaultCoverage the municipalities a new offer's contract covers when the change names none
     */
    record Context(Map<String, double[]> centroids, Set<String> defaultCoverage) {
    }

    private SupplyChanges() {
    }

    static Facts apply(Facts facts, List<ScenarioChangeDto> changes, Context context) {
        List<Offer> offers = new ArrayList<>(facts.offers());
        List<Contract> contracts = new ArrayList<>(facts.contracts());
        for (int i = 0; i < changes.size(); i++) {
            ScenarioChangeDto change = changes.get(i);
            switch (change.getKind()) {
                case EXTRA_PLACES -> replaceOffer(offers, change.getOfferId(), offer -> new Offer(offer.id(),
                        offer.locationId(), offer.providerId(), offer.municipalityCode(), offer.latitude(),
                        offer.longitude(), offer.careType(), offer.securityLevel(), offer.minAge(), offer.maxAge(),
                        offer.genders(), offer.specialisms(), offer.capacity() + change.getPlaces()));
                case NEW_OFFER -> {
                    long id = -(i + 1L);
                    double[] at = context.centroids().get(change.getMunicipality());
                    offers.add(new Offer(id, id, id, change.getMunicipality(), at[0], at[1], change.getCareType(),
                            SecurityLevel.valueOf(change.getSecurityLevel().name()).level(),
                            orDefault(change.getMinAge(), DEFAULT_MIN_AGE), orDefault(change.getMaxAge(), DEFAULT_MAX_AGE),
                            Set.of(Gender.MALE.name(), Gender.FEMALE.name(), Gender.X.name()),
                            Set.copyOf(change.getSpecialisms()), change.getPlaces()));
                    Set<String> coverage = change.getMunicipalities().isEmpty() ? context.defaultCoverage()
                            : Set.copyOf(change.getMunicipalities());
                    contracts.add(new Contract(id, id, coverage,
                            Map.of(change.getCareType(), Money.cents(BigDecimal.valueOf(change.getDailyTariff()))),
                            ALWAYS_FROM, ALWAYS_UNTIL, null, null));
                }
                case CONTRACT_EXTENSION -> replaceContract(contracts, change.getContractId(), contract -> {
                    Set<String> municipalities = new HashSet<>(contract.municipalities());
                    municipalities.addAll(change.getMunicipalities());
                    Map<String, Long> tariffs = new HashMap<>(contract.dailyTariffCents());
                    for (ContractCareTypeDto careType : change.getCareTypes()) {
                        tariffs.put(careType.getCareType(), Money.cents(careType.getDailyTariff()));
                    }
                    return new Contract(contract.id(), contract.providerId(), municipalities, tariffs,
                            contract.validFrom(), contract.validUntil(), contract.volumeCeiling(),
                            contract.budgetCeilingCents());
                });
                case RAISED_CEILING -> replaceContract(contracts, change.getContractId(), contract -> new Contract(
                        contract.id(), contract.providerId(), contract.municipalities(), contract.dailyTariffCents(),
                        contract.validFrom(), contract.validUntil(),
                        change.getVolumeCeiling() == null ? contract.volumeCeiling() : change.getVolumeCeiling(),
                        change.getBudgetCeiling() == null ? contract.budgetCeilingCents()
                                : Money.cents(BigDecimal.valueOf(change.getBudgetCeiling()))));
            }
        }
        return facts.withSupply(offers, contracts);
    }

    private static void replaceOffer(List<Offer> offers, long id, UnaryOperator<Offer> change) {
        offers.replaceAll(offer -> offer.id() == id ? change.apply(offer) : offer);
    }

    private static void replaceContract(List<Contract> contracts, long id,
            UnaryOperator<Contract> change) {
        contracts.replaceAll(contract -> contract.id() == id ? change.apply(contract) : contract);
    }

    private static int orDefault(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
