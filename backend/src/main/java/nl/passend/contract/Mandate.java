package nl.passend.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.lang.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

import nl.passend.reference.CareType;
import nl.passend.reference.Municipality;
import nl.passend.shared.VersionedEntity;

/**
 * A municipality's standing consent to take part in the contracts that a lead municipality (gastheergemeente) enters
 * into for it, for some care types within a period (DESIGN.md, Mandates). Revoked, it confirms nothing new; it is
 * never deleted, so that the participations it confirmed keep their ground.
 */
@Entity
public class Mandate extends VersionedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "granting_municipality_code")
    private Municipality grantingMunicipality;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lead_municipality_code")
    private Municipality leadMunicipality;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "mandate_care_type", joinColumns = @JoinColumn(name = "mandate_id"),
            inverseJoinColumns = @JoinColumn(name = "care_type_code"))
    private Set<CareType> careTypes = new LinkedHashSet<>();

    private LocalDate validFrom;

    /** Inclusive. */
    private LocalDate validUntil;

    private Instant grantedAt;

    private Instant revokedAt;

    protected Mandate() {
    }

    Mandate(Municipality grantingMunicipality, Municipality leadMunicipality, Collection<CareType> careTypes,
            LocalDate validFrom, LocalDate validUntil, Instant grantedAt) {
        this.grantingMunicipality = grantingMunicipality;
        this.leadMunicipality = leadMunicipality;
        this.careTypes.addAll(careTypes);
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.grantedAt = grantedAt;
    }

    /**
     * Whether this mandate consents to the contract as it is: still standing, granted by the municipality to the
     * contract's lead, for every care type the contract buys and the whole of its period.
     */
    boolean covers(Contract contract, Municipality participant) {
        return revokedAt == null && grantingMunicipality.equals(participant)
                && leadMunicipality.equals(contract.getLeadMunicipality())
                && careTypes.containsAll(contract.getDailyTariffs().keySet())
                && !validFrom.isAfter(contract.getValidFrom()) && !validUntil.isBefore(contract.getValidUntil());
    }

    void revoke(Instant at) {
        this.revokedAt = at;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Municipality getGrantingMunicipality() {
        return grantingMunicipality;
    }

    public Municipality getLeadMunicipality() {
        return leadMunicipality;
    }

    public Set<CareType> getCareTypes() {
        return careTypes;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    @Nullable
    public Instant getRevokedAt() {
        return revokedAt;
    }
}
