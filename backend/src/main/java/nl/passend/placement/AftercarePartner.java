package nl.passend.placement;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A local partner in an aftercare plan, with the named person to call. */
@Embeddable
public class AftercarePartner {

    @Enumerated(EnumType.STRING)
    private PartnerKind kind;

    private String organisationName;

    private String contactName;

    private String contactPhone;

    private String contactEmail;

    /** What stays of the named contact once retention has erased it (the contract requires a name). */
    static final String ERASED = "[erased]";

    protected AftercarePartner() {
    }

    AftercarePartner(PartnerKind kind, String organisationName, String contactName, String contactPhone,
            String contactEmail) {
        this.kind = kind;
        this.organisationName = organisationName;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.contactEmail = contactEmail;
    }

    public PartnerKind getKind() {
        return kind;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    /** Forgets the person: the organisation and its kind stay, as what the plan relied on. */
    void eraseContact() {
        contactName = ERASED;
        contactPhone = null;
        contactEmail = null;
    }
}
