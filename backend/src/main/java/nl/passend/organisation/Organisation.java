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

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "municipality_code")
    private Municipality municipality;

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
