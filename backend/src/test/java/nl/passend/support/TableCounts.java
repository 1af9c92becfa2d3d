package nl.passend.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/** Counts the rows of every registry and referral table, to show that a refused request changed nothing. */
@TestComponent
public class TableCounts {

    private static final List<String> TABLES = List.of("organisation", "provider", "location", "offer",
            "offer_gender", "offer_specialism", "contract", "contract_municipality", "contract_care_type", "youth",
            "referral", "referral_specialism", "referral_excluded_municipality", "referral_status_change", "placement",
            "aftercare_plan", "aftercare_partner", "aftercare_task", "mandate", "mandate_care_type", "matching_schedule");

    private final JdbcTemplate jdbc;

    TableCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Long> now() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }
}
