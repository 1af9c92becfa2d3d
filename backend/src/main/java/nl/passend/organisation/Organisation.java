package nl.passend.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import nl.passend.reference.Municipality;
import nl.passend.shared.VersionedEntity;

/** A party in the region; a municipality organisation is tied to the municipality it is. */
@Entity
public class Organisation extends VersionedEntity {

    private String name;

    @Enumerated(EnumType.STRING)
    private OrganisationType type;

    /**
     * Set for a MUNICIPALITY only, and then for one organisation at most (OrganisationService). A purchaser of this
     * organisation keeps the contracts in which this municipality takes part (ContractService).
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "municipality_code")
    private Municipality municipality;

    /**
     * Deactivating ends a party that users or a provider still refer to; its users can then no longer sign in with a
     * password.
     */
    private boolean active = true;

    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    public OrganisationType getType() {
        return type;
    }

    void setType(OrganisationType type) {
        this.type = type;
    }

    public Municipality getMunicipality() {
        return municipality;
    }

    void setMunicipality(Municipality municipality) {
        this.municipality = municipality;
    }

    public boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }
}
