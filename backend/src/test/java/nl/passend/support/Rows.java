package nl.passend.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.lang.Nullable;

/**
 * Inserts the rows a persistence test stands on, with SQL, and fills each column the test does not name with a
 * plausible value. SQL rather than entities, whose setters belong to their own features; ids and moments as the
 * database keeps them (moments in UTC, without a zone).
 */
@TestComponent
public class Rows {

    /** Every table that is not reference data, children before their parents. */
    private static final List<String> TABLES = List.of("aftercare_task", "aftercare_partner", "aftercare_plan",
            "matching_outcome", "matching_run", "matching_schedule", "scenario", "purchase_advice", "placement",
            "referral_status_change",
            "referral_excluded_municipality", "referral_specialism", "referral", "youth", "offer_specialism",
            "offer_gender", "offer", "contract_care_type", "contract_municipality", "contract", "mandate_care_type",
            "mandate", "location",
            "user_account", "audit_event", "provider", "organisation");

    private final JdbcClient jdbc;
    /** Numbers names and references that must be unique. */
    private final AtomicLong serial = new AtomicLong();

    Rows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long organisation(String name, String type) {
        return organisation(name, type, null);
    }

    public long organisation(String name, String type, @Nullable String municipality) {
        return insert("insert into organisation (name, type, municipality_code) values (?, ?, ?)", name, type,
                municipality);
    }

    /** A provider of a care-provider organisation of this name. */
    public long provider(String name) {
        return insert("insert into provider (organisation_id) values (?)", organisation(name, "CARE_PROVIDER"));
    }

    public long organisationOf(long provider) {
        return jdbc.sql("select organisation_id from provider where id = ?").param(provider).query(Long.class).single();
    }

    public long location(long provider, String municipality) {
        return insert("""
                insert into location (provider_id, name, municipality_code, latitude, longitude)
                values (?, ?, ?, 52.2, 6.1)""", provider, "Location " + serial.incrementAndGet(), municipality);
    }

    /** An offer for ages 12 to 23, its capacity reported now. */
    public long offer(long location, String careType, int securityLevel, int totalPlaces) {
        return insert("""
                insert into offer (location_id, name, care_type_code, security_level, min_age, max_age, total_places,
                  reported_at) values (?, ?, ?, ?, 12, 23, ?, ?)""", location, "Offer " + serial.incrementAndGet(),
                careType, securityLevel, totalPlaces, utc(Instant.now()));
    }

    public void genders(long offer, String... genders) {
        for (String gender : genders) {
            jdbc.sql("insert into offer_gender (offer_id, gender) values (?, ?)").params(offer, gender).update();
        }
    }

    public void specialisms(long offer, String... codes) {
        for (String code : codes) {
            jdbc.sql("insert into offer_specialism (offer_id, specialism_code) values (?, ?)").params(offer, code)
                    .update();
        }
    }

    /** A contract in which the lead municipality takes part, as the contract service keeps them. */
    public long contract(long provider, String reference, String lead, LocalDate validFrom, LocalDate validUntil) {
        long contract = insert("""
                insert into contract (reference, provider_id, lead_municipality_code, valid_from, valid_until)
                values (?, ?, ?, ?, ?)""", reference, provider, lead, validFrom, validUntil);
        takesPart(contract, lead);
        return contract;
    }

    /** The municipalities take part in the contract as parties: their participation is confirmed. */
    public void takesPart(long contract, String... municipalities) {
        participates(contract, "CONFIRMED", municipalities);
    }

    /** The contract lists the municipalities, which have not consented yet. */
    public void awaitsConsent(long contract, String... municipalities) {
        participates(contract, "PENDING", municipalities);
    }

    public void participates(long contract, String state, String... municipalities) {
        for (String municipality : municipalities) {
            jdbc.sql("insert into contract_municipality (contract_id, municipality_code, state) values (?, ?, ?)")
                    .params(contract, municipality, state).update();
        }
    }

    /** A mandate of one municipality to a lead for the care types, granted now; revoked now if said so. */
    public long mandate(String granting, String lead, LocalDate validFrom, LocalDate validUntil, boolean revoked,
            String... careTypes) {
        long mandate = insert("""
                insert into mandate (granting_municipality_code, lead_municipality_code, valid_from, valid_until,
                  granted_at, revoked_at, version)
                values (?, ?, ?, ?, ?, ?, 0)""", granting, lead, validFrom, validUntil, utc(Instant.now()),
                revoked ? utc(Instant.now()) : null);
        for (String careType : careTypes) {
            jdbc.sql("insert into mandate_care_type (mandate_id, care_type_code) values (?, ?)")
                    .params(mandate, careType).update();
        }
        return mandate;
    }

    public void buys(long contract, String careType, BigDecimal dailyTariff) {
        jdbc.sql("insert into contract_care_type (contract_id, care_type_code, daily_tariff) values (?, ?, ?)")
                .params(contract, careType, dailyTariff).update();
    }

    /** A boy born in 2009, known to the organisation by a pseudonym of its own. */
    public long youth(long organisation, String homeMunicipality) {
        return insert("""
                insert into youth (organisation_id, pseudonym, birth_date, birth_year, gender, home_municipality_code)
                values (?, ?, ?, 2009, 'MALE', ?)""", organisation, "Youth " + serial.incrementAndGet(),
                LocalDate.of(2009, 3, 1), homeMunicipality);
    }

    /** A referral made now, at least semi-secure (level 2), for a stay of 182 days from today. */
    public long referral(long youth, long organisation, String careType, String urgency, String status) {
        return insert("""
                insert into referral (youth_id, organisation_id, referring_officer, legal_framework, care_type_code,
                  min_security_level, urgency, requested_start, expected_duration_days, status, created_at)
                values (?, ?, 'officer', 'JEUGDRECLASSERING', ?, 2, ?, ?, 182, ?, ?)""", youth, organisation, careType,
                urgency, LocalDate.now(), status, utc(Instant.now()));
    }

    /** A step in a referral's history. */
    public void statusChange(long referral, String status, Instant at) {
        jdbc.sql("""
                insert into referral_status_change (referral_id, status, changed_at, changed_by)
                values (?, ?, ?, 'someone')""").params(referral, status, utc(at)).update();
    }

    /** A placement proposed at the moment given, by a planner; its other columns with {@link #set}. */
    public long placement(long referral, long offer, long contract, String status, Instant proposedAt) {
        return insert("""
                insert into placement (referral_id, offer_id, contract_id, status, proposed_at, proposed_by)
                values (?, ?, ?, ?, ?, 'planner')""", referral, offer, contract, status, utc(proposedAt));
    }

    /** A matching run over one youth region, or all for {@code null}, with a time limit of 10 seconds. */
    public long matchingRun(@Nullable String youthRegion, String status, @Nullable Instant finishedAt) {
        return insert("""
                insert into matching_run (youth_region_code, status, time_limit_seconds, requested_by, requested_at,
                  finished_at) values (?, ?, 10, 'planner', ?, ?)""", youthRegion, status, utc(Instant.now()),
                finishedAt == null ? null : utc(finishedAt));
    }

    /** What a run found for a referral: unplaced for the reason given, or placed for {@code null}. */
    public void outcome(long run, long referral, String youthRegion, String careType, int minSecurityLevel,
            String urgency, @Nullable String unmetReason, int daysWaiting) {
        jdbc.sql("""
                insert into matching_outcome (run_id, referral_id, urgency, youth_region_code, care_type_code,
                  min_security_level, days_waiting, unmet_reason, explanation) values (?, ?, ?, ?, ?, ?, ?, ?, '{}')""")
                .params(run, referral, urgency, youthRegion, careType, minSecurityLevel, daysWaiting, unmetReason)
                .update();
    }

    /** Sets columns of the row with this id; an {@link Instant} is stored as a moment. */
    public void set(String table, long id, Map<String, ?> columns) {
        columns.forEach((column, value) -> jdbc.sql("update " + table + " set " + column + " = ? where id = ?")
                .params(value instanceof Instant instant ? utc(instant) : value, id).update());
    }

    /** Deletes every row that is not reference data: what a test that commits leaves for the next to find. */
    public void clear() {
        TABLES.forEach(table -> jdbc.sql("delete from " + table).update());
    }

    /** A moment as the schema keeps it: the time of day in UTC, in a column without a zone. */
    public static LocalDateTime utc(Instant moment) {
        return LocalDateTime.ofInstant(moment, ZoneOffset.UTC);
    }

    private long insert(String sql, Object... values) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(values).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }
}
