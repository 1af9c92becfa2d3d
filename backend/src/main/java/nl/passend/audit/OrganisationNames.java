package nl.passend.audit;

import java.util.Map;

/**
 * The names of the organisations that audit events name by id, so that the audit trail's page says from which
 * organisation someone acted. The organisation feature answers (it depends on this one, not the reverse).
 */
public interface OrganisationNames {

    /** Every organisation's name by its id, in the order of the names. */
    Map<Long, String> names();
}
