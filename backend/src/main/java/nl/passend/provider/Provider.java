package nl.passend.provider;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;

import nl.passend.organisation.Organisation;
import nl.passend.shared.VersionedEntity;

/** A care provider: a CARE_PROVIDER organisation, with its AGB code, that owns locations and offers. */
@Entity
public class Provider extends VersionedEntity {

    /** Its intake users are users of this organisation: that is how they own its locations and offers. */
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    /** The Vektis AGB code that identifies a care provider in Dutch health care: eight digits, optional, unique. */
    private String agbCode;

    private boolean active = true;

    public Organisation getOrganisation() {
        return organisation;
    }

    void setOrganisation(Organisation organisation) {
        this.organisation = organisation;
    }

    public long getOrganisationId() {
        return organisation.getId();
    }

    /** A provider is known by its organisation's name. */
    public String getName() {
        return organisation.getName();
    }

    public String getAgbCode() {
        return agbCode;
    }

    void setAgbCode(String agbCode) {
        this.agbCode = agbCode;
    }

    public boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }
}
