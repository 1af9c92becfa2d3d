package nl.passend.offer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.passend.reference.Gender;
import nl.passend.reference.SecurityLevel;

/**
 * Offers as the API shows them, read with SQL: one query for a page of rows, with what they name from location,
 * provider, municipality and care type, and one for the page's genders and specialisms. Measured with JFR under wrk,
 * building the entities of a page took most of a list request, and with JPA's queries (criteria or JPQL with a list
 * of ids) Hibernate translated each query to SQL again on every request; plain SQL does neither.
 */
@Repository
class OfferRows {

    private static final String FROM = """
            from offer o join location l on l.id = o.location_id join provider p on p.id = l.provider_id
              join organisation org on org.id = p.organisation_id join municipality m on m.code = l.municipality_code
            """;

    /** The places that Passend's placements hold at an offer, as {@link Offer}'s formula counts them. */
    private static final String HELD = "(select count(*) from placement h where h.offer_id = o.id and h.status in ("
            + Offer.HOLDING_STATUSES + "))";

    private static final String SELECT = """
            select o.id, o.version, l.id location_id, l.name location_name, p.id provider_id, org.name provider_name,
              m.code municipality_code, m.name municipality_name, m.youth_region_code, o.name, o.care_type_code,
              o.security_level, o.min_age, o.max_age, o.total_places, o.externally_occupied,
            """ + HELD + " held, o.reported_at, o.active " + FROM;

    /** The columns of the sort keys ({@link OfferService#SORTABLE}), and the id that keeps pages stable. */
    private static final Map<String, String> COLUMNS = Map.of("id", "o.id", "name", "o.name", "careType",
            "o.care_type_code", "securityLevel", "o.security_level", "totalPlaces", "o.total_places", "reportedAt",
            "o.reported_at");

    private final JdbcClient jdbc;

    OfferRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The page of offers that meet every filter given; a filter that is {@code null} lets every offer through. */
    Page<OfferRow> search(OfferService.Filter filter, Pageable pageable) {
        Conditions where = conditions(filter);
        List<OfferRow> rows = rows(jdbc.sql(SELECT + where.sql() + orderBy(pageable.getSort())
                        + " limit :limit offset :offset")
                .params(where.params()).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(OfferRows::row).list());
        // Counted only when the page does not tell the total by itself.
        return PageableExecutionUtils.getPage(rows, pageable, () -> jdbc.sql("select count(*) " + FROM + where.sql())
                .params(where.params()).query(Long.class).single());
    }

    /** The offer with this id, as the API shows it. */
    Optional<OfferRow> find(long id) {
        return rows(jdbc.sql(SELECT + " where o.id = :id").param("id", id).query(OfferRows::row).list()).stream()
                .findFirst();
    }

    /** The offers of the provider of an organisation, by name: what its intake reports the capacity of. */
    List<OfferRow> ownedBy(long organisationId) {
        return rows(jdbc.sql(SELECT + " where p.organisation_id = :organisation order by o.name, o.id")
                .param("organisation", organisationId).query(OfferRows::row).list());
    }

    /** A where clause and its parameters, from the filters given. */
    private record Conditions(String sql, Map<String, Object> params) {
    }

    private static Conditions conditions(OfferService.Filter filter) {
        List<String> sql = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.careType() != null) {
            sql.add("o.care_type_code = :careType");
            params.put("careType", filter.careType());
        }
        if (filter.securityLevel() != null) {
            sql.add("o.security_level = :securityLevel");
            params.put("securityLevel", SecurityLevel.valueOf(filter.securityLevel().name()).level());
        }
        if (filter.minSecurityLevel() != null) {
            sql.add("o.security_level >= :minSecurityLevel");
            params.put("minSecurityLevel", SecurityLevel.valueOf(filter.minSecurityLevel().name()).level());
        }
        if (filter.youthRegion() != null) {
            sql.add("m.youth_region_code = :youthRegion");
            params.put("youthRegion", filter.youthRegion());
        }
        if (filter.municipality() != null) {
            sql.add("m.code = :municipality");
            params.put("municipality", filter.municipality());
        }
        if (filter.specialisms() != null) {
            // Every one of the codes: as many matching specialisms as distinct codes asked for.
            Set<String> codes = Set.copyOf(filter.specialisms());
            sql.add("(select count(*) from offer_specialism s where s.offer_id = o.id"
                    + " and s.specialism_code in (:specialisms)) = :specialismCount");
            params.put("specialisms", codes);
            params.put("specialismCount", codes.size());
        }
        if (filter.hasFreePlaces() != null) {
            // Free places as Offer#freePlaces derives them.
            sql.add("o.total_places - o.externally_occupied - " + HELD + (filter.hasFreePlaces() ? " > 0" : " <= 0"));
        }
        if (filter.providerId() != null) {
            sql.add("p.id = :providerId");
            params.put("providerId", filter.providerId());
        }
        if (filter.locationId() != null) {
            sql.add("l.id = :locationId");
            params.put("locationId", filter.locationId());
        }
        if (filter.active() != null) {
            sql.add("o.active = :active");
            params.put("active", filter.active());
        }
        return new Conditions(sql.isEmpty() ? "" : " where " + String.join(" and ", sql), params);
    }

    private static String orderBy(Sort sort) {
        return sort.stream().map(order -> COLUMNS.get(order.getProperty()) + (order.isDescending() ? " desc" : ""))
                .collect(Collectors.joining(", ", " order by ", ""));
    }

    /** A row without its genders and specialisms, which {@link #rows} adds. */
    private static OfferRow row(ResultSet rs, int n) throws SQLException {
        return new OfferRow(rs.getLong("id"), rs.getLong("version"), rs.getLong("location_id"),
                rs.getString("location_name"), rs.getLong("provider_id"), rs.getString("provider_name"),
                rs.getString("municipality_code"), rs.getString("municipality_name"),
                rs.getString("youth_region_code"), rs.getString("name"), rs.getString("care_type_code"),
                SecurityLevel.ofLevel(rs.getInt("security_level")), rs.getInt("min_age"), rs.getInt("max_age"),
                Set.of(), Set.of(), rs.getInt("total_places"), rs.getInt("externally_occupied"), rs.getInt("held"),
                rs.getObject("reported_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getBoolean("active"));
    }

    /** The rows with their genders and specialisms, read for all of them in one query. */
    private List<OfferRow> rows(List<OfferRow> found) {
        if (found.isEmpty()) {
            return found;
        }
        List<Long> ids = found.stream().map(OfferRow::id).toList();
        Map<Long, Set<Gender>> genders = new HashMap<>();
        Map<Long, Set<String>> specialisms = new HashMap<>();
        jdbc.sql("""
                select offer_id, 'G' kind, gender code from offer_gender where offer_id in (:ids)
                union all
                select offer_id, 'S' kind, specialism_code code from offer_specialism where offer_id in (:ids)""")
                .param("ids", ids).query(rs -> {
                    long offer = rs.getLong("offer_id");
                    if ("G".equals(rs.getString("kind"))) {
                        genders.computeIfAbsent(offer, id -> EnumSet.noneOf(Gender.class))
                                .add(Gender.valueOf(rs.getString("code")));
                    } else {
                        specialisms.computeIfAbsent(offer, id -> new TreeSet<>()).add(rs.getString("code"));
                    }
                });
        return found.stream().map(row -> row.with(genders.getOrDefault(row.id(), Set.of()),
                specialisms.getOrDefault(row.id(), Set.of()))).toList();
    }
}
