package nl.passend.support;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.passend.security.Actor;
import nl.passend.security.Role;

/** The actors that tests act as, each in an organisation of the right kind that exists in the database. */
@TestComponent
public class Actors {

    private final JdbcTemplate jdbc;
    private Long region;
    private Long probationOffice;
    private Long otherProbationOffice;

    Actors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgets the organisations made so far, after the database they were in has been rebuilt. */
    synchronized void forget() {
        region = null;
        probationOffice = null;
        otherProbationOffice = null;
    }

    public Actor admin() {
        return new Actor("test.admin", Role.ADMIN, region());
    }

    public Actor planner() {
        return new Actor("test.planner", Role.PLANNER, region());
    }

    public Actor intake(long providerOrganisationId) {
        return new Actor("test.intake." + providerOrganisationId, Role.PROVIDER_INTAKE, providerOrganisationId);
    }

    /** A purchaser of the municipality, whose organisation is made when no test made it yet. */
    public Actor purchaser(String municipalityCode) {
        return new Actor("test.purchaser." + municipalityCode, Role.PURCHASER, municipality(municipalityCode));
    }

    public synchronized Actor probationOfficer() {
        if (probationOffice == null) {
            probationOffice = organisation("YOUTH_PROBATION");
        }
        return new Actor("test.officer", Role.PROBATION_OFFICER, probationOffice);
    }

    /** A probation officer of another office, who may not see the first one's referrals. */
    public synchronized Actor otherProbationOfficer() {
        if (otherProbationOffice == null) {
            otherProbationOffice = organisation("CHILD_PROTECTION_BOARD");
        }
        return new Actor("test.other-officer", Role.PROBATION_OFFICER, otherProbationOffice);
    }

    private synchronized long region() {
        if (region == null) {
            region = organisation("REGIONAL_PURCHASING");
        }
        return region;
    }

    private synchronized long municipality(String code) {
        List<Long> existing = jdbc.queryForList("select id from organisation where municipality_code = ?", Long.class,
                code);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        jdbc.update("insert into organisation (name, type, municipality_code, active, version) "
                + "values (?, 'MUNICIPALITY', ?, true, 0)", "Gemeente " + code, code);
        return jdbc.queryForObject("select id from organisation where municipality_code = ?", Long.class, code);
    }

    private long organisation(String type) {
        String name = "Test " + type + " " + UUID.randomUUID();
        jdbc.update("insert into organisation (name, type, active, version) values (?, ?, true, 0)", name, type);
        return jdbc.queryForObject("select id from organisation where name = ?", Long.class, name);
    }
}
