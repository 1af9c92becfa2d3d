package nl.passend.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyJoinColumn;

import nl.passend.provider.Provider;
import nl.passend.reference.CareType;
import nl.passend.reference.Municipality;
import nl.passend.shared.Money;
import nl.passend.shared.VersionedEntity;

/**
 * A contract of one or more municipalities, under a lead municipality (gastheergemeente), with a provider: the care
 * types it buys at a daily tariff each, its validity period and its volume and budget ceilings.
 */
@Entity
public class Contract extends VersionedEntity {

    private String reference;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "provider_id")
    private Provider provider;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lead_municipality_code")
    private Municipality leadMunicipality;

    /**
     * Every municipality the contract lists, the lead among them, with its consent. Only the confirmed ones are
     * parties to it: they alone have their youths covered (by home municipality, woonplaatsbeginsel) and their other
     * contracts checked for overlap.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contract_municipality", joinColumns = @JoinColumn(name = "contract_id"))
    @MapKeyJoinColumn(name = "municipality_code")
    private Map<Municipality, Participation> participations = new HashMap<>();

    /** The iJw JZ020 care types it buys (reference/ijw-codes.md), each at a daily tariff in euros and cents. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contract_care_type", joinColumns = @JoinColumn(name = "contract_id"))
    @MapKeyJoinColumn(name = "care_type_code")
    @Column(name = "daily_tariff")
    private Map<CareType, BigDecimal> dailyTariffs = new HashMap<>();

    private LocalDate validFrom;

    /** Inclusive. */
    private LocalDate validUntil;

    /** Most placements at once; {@code null} for no ceiling. */
    private Integer volumeCeiling;

    /**
     * Euros for the whole validity period; {@code null} for no ceiling. Against it every placement under the contract,
     * ended ones too, costs its daily tariff × expected days (DESIGN.md, Matching), not the days it actually lasted.
     */
    private BigDecimal budgetCeiling;

    public String getReference() {
        return reference;
    }

    void setReference(String reference) {
        this.reference = reference;
    }

    public Provider getProvider() {
        return provider;
    }

    void setProvider(Provider provider) {
        this.provider = provider;
    }

    public Municipality getLeadMunicipality() {
        return leadMunicipality;
    }

    void setLeadMunicipality(Municipality leadMunicipality) {
        this.leadMunicipality = leadMunicipality;
    }

    /** Every municipality listed, whatever its consent. */
    public Set<Municipality> getParticipatingMunicipalities() {
        return Collections.unmodifiableSet(participations.keySet());
    }

    public Map<Municipality, Participation> getParticipations() {
        return Collections.unmodifiableMap(participations);
    }

    void setParticipations(Map<Municipality, Participation> participations) {
        this.participations.keySet().retainAll(participations.keySet());
        // Only changed entries are put, so that an unchanged participation is not written again.
        participations.forEach((municipality, participation) -> {
            if (!participation.equals(this.participations.get(municipality))) {
                this.participations.put(municipality, participation);
            }
        });
    }

    void setParticipation(Municipality municipality, Participation participation) {
        participations.put(municipality, participation);
    }

    /**
     * Whether the municipality is a party to this contract: it takes part and has consented (DESIGN.md, Mandates).
     * The one definition: matching's coverage, the overlap rule, who keeps the contract and who reads its figures per
     * municipality all ask it (in SQL, the view {@code contract_party}).
     */
    public boolean isParty(String municipalityCode) {
        return participations.entrySet().stream().anyMatch(entry ->
                entry.getKey().getCode().equals(municipalityCode) && entry.getValue().isConfirmed());
    }

    /** The codes of the municipalities that are parties to this contract. */
    public Set<String> parties() {
        return participations.entrySet().stream().filter(entry -> entry.getValue().isConfirmed())
                .map(entry -> entry.getKey().getCode()).collect(Collectors.toCollection(TreeSet::new));
    }

    public Map<CareType, BigDecimal> getDailyTariffs() {
        return dailyTariffs;
    }

    void setDailyTariffs(Map<CareType, BigDecimal> dailyTariffs) {
        this.dailyTariffs.clear();
        this.dailyTariffs.putAll(dailyTariffs);
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    void setValidity(LocalDate validFrom, LocalDate validUntil) {
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    public Integer getVolumeCeiling() {
        return volumeCeiling;
    }

    void setVolumeCeiling(Integer volumeCeiling) {
        this.volumeCeiling = volumeCeiling;
    }

    public BigDecimal getBudgetCeiling() {
        return budgetCeiling;
    }

    void setBudgetCeiling(BigDecimal budgetCeiling) {
        this.budgetCeiling = budgetCeiling;
    }

    /**
     * This contract as matching sees it, with what is spent already taken off its budget. The one translation of a
     * contract: matching, the placement service and the what-if runs price a stay with its
     * {@link nl.passend.solver.Contract#costCents}.
     */
    public nl.passend.solver.Contract fact(long spentCents) {
        Map<String, Long> tariffs = new HashMap<>();
        dailyTariffs.forEach((careType, euros) -> tariffs.put(careType.getCode(), Money.cents(euros)));
        // A pending participation covers no youth: matching, its explanations and placements see the parties only.
        return new nl.passend.solver.Contract(getId(), provider.getId(), parties(),
                tariffs, validFrom, validUntil, volumeCeiling,
                budgetCeiling == null ? null : Math.max(0, Money.cents(budgetCeiling) - spentCents));
    }
}
