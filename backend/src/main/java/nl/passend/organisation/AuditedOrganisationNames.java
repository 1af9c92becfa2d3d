package nl.passend.organisation;

import java.util.Map;

import org.springframework.stereotype.Component;

import nl.passend.audit.OrganisationNames;

/** Tells the audit trail's page the organisations' names ({@link OrganisationNames}). */
@Component
class AuditedOrganisationNames implements OrganisationNames {

    private final OrganisationService organisations;

    AuditedOrganisationNames(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @Override
    public Map<Long, String> names() {
        return organisations.names();
    }
}
