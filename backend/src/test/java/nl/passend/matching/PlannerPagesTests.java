package nl.passend.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.support.Api;
import nl.passend.support.Browser;
import nl.passend.support.FreshDatabase;
import nl.passend.support.IntegrationTest;

/**
 * A regional planner in a real browser (JOURNEYS.md, "A probation officer needs a place, today" and "A regional
 * planner decides what to buy"): starts a matching run and watches it progress in place, applies it and reads what
 * was skipped and why; reads the Achterhoek gap as a heat map and downloads it as the API's CSV; tries scenarios and
 * asks for purchase advice. Every page passes axe-core and is kept as a screenshot. The roles the API refuses get 403
 * for every one of these pages. The demo set as it ships: the run's figures count every open referral, and applying
 * it makes proposals.
 */
@IntegrationTest
@Tag(Browser.TAG)
@FreshDatabase(demo = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlannerPagesTests {

    private static final Map<String, String> LEVELS = Map.of("AMBULANT", "Ambulant", "OPEN", "Open",
            "SEMI_SECURE", "Besloten", "SECURE", "Gesloten", "JUSTICE", "Justitieel");
    private static final Map<String, String> REASONS = Map.of("NO_OFFER", "geen passend aanbod", "NO_CONTRACT",
            "geen contract", "CEILING", "plafond van het contract bereikt", "NO_CAPACITY", "geen plaats vrij",
            "EXCLUDED", "alleen in uitgesloten gemeenten");

    /** A run that the test holds as busy: written directly, so that no job ever solves it. */
    private static final long HELD_RUN = 9001;

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Api api;

    Browser browser;

    @BeforeAll
    void openBrowser() throws Exception {
        browser = Browser.open(port);
    }

    @AfterAll
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void aPlannerRunsMatchingAppliesItAndReadsTheAchterhoekGap() throws Exception {
        browser.signIn("planner", "planner-demo");
        assertThat(browser.heading()).isEqualTo("Vandaag");
        browser.waitFor("#planner-runs .passend-rows");
        browser.waitFor("#planner-gaps .passend-rows");
        assertThat(browser.find("#planner-runs").getText()).contains("Er loopt nu geen ronde.");

        // A run over all regions that is busy: the start page lists it, and no overlapping run may start.
        jdbc.update("""
                insert into matching_run (id, youth_region_code, status, time_limit_seconds, requested_by, requested_at,
                  started_at, version) values (?, null, 'SOLVING', 10, 'planner', ?, ?, 0)""", HELD_RUN,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        try {
            browser.go("/");
            browser.waitForText("#planner-runs", "Ronde 9001 (Alle jeugdregio's): Bezig met rekenen");
            browser.go("/matching");
            assertThat(browser.heading()).isEqualTo("Matching");
            new Select(browser.find("#youthRegion")).selectByVisibleText("Achterhoek");
            browser.submit("form.passend-form button[type=submit]");
            assertThat(browser.find("[role=alert]").getText()).contains("er loopt al een ronde",
                    "Matchingronde 9001 over alle jeugdregio’s heeft status SOLVING").doesNotContain("Matching run");
            assertThat(browser.statusOf("/matching")).isEqualTo(200);
            browser.check("planner-run-refused");

            // Its page polls while it is busy, and shows it done in place, without a reload, once it is.
            browser.go("/matching/" + HELD_RUN);
            browser.waitForText("#run-status", "Bezig met rekenen", Duration.ofSeconds(10));
            browser.check("planner-run-solving");
            ((JavascriptExecutor) browser.driver()).executeScript("window.passendSamePage = true");
            jdbc.update("update matching_run set status = 'DONE', finished_at = ?, elapsed_millis = 3000 where id = ?",
                    Timestamp.from(Instant.now()), HELD_RUN);
            browser.waitForText("#run-status", "Klaar", Duration.ofSeconds(10));
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.passendSamePage"))
                    .as("updated in place by htmx, not by loading the page again").isEqualTo(true);
            assertThat(browser.findAll("#apply button")).hasSize(1);
        } finally {
            jdbc.update("delete from matching_run where id = ?", HELD_RUN);
        }

        // The planner's weekly run: over all regions, short.
        browser.go("/matching");
        browser.check("planner-runs");
        browser.find("#timeLimitSeconds").clear();
        browser.find("#timeLimitSeconds").sendKeys("2");
        browser.submit("form.passend-form button[type=submit]");
        String page = browser.driver().getCurrentUrl();
        assertThat(page).matches(".*/matching/\\d+");
        long run = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        browser.waitForText("#run-status", "Klaar", Duration.ofSeconds(60));
        String done = browser.find("#run-progress").getText();
        assertThat(done).contains("Bewezen optimaal", "Score", "open verwijzingen");
        browser.check("planner-run-done");

        // One offer changes after the run: applying skips its assignment, and says why.
        Map<String, Object> changed = jdbc.queryForMap("""
                select referral_id, offer_id from matching_outcome where run_id = ? and offer_id is not null
                order by referral_id limit 1""", run);
        jdbc.update("update offer set version = version + 1 where id = ?", changed.get("offer_id"));
        browser.submit("#apply button");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/matching/" + run);
        assertThat(browser.find("#application [role=status]").getText()).matches("\\d+ plaatsingen voorgesteld, 1 overgeslagen\\.");
        assertThat(browser.find("#skipped").getText()).contains(changed.get("referral_id").toString(),
                "Aanbod " + changed.get("offer_id") + " is na de ronde gewijzigd; start een nieuwe ronde.")
                .doesNotContain("changed since the run");
        assertThat(browser.find("#run-applied").getText()).contains("door planner");
        assertThat(browser.findAll("#apply")).as("a run is applied once").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from placement where status = 'PROPOSED' and referral_id in "
                + "(select referral_id from matching_outcome where run_id = ? and offer_id is not null)", Long.class,
                run)).isPositive();
        browser.check("planner-run-applied");

        // A second apply, as from a page still open in another tab: refused with the service's words, on the page.
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                form.appendChild(document.querySelector('form[action$="/uitloggen"] input[name=_csrf]').cloneNode());
                const button = document.createElement('button');
                button.type = 'submit';
                button.id = 'again';
                form.appendChild(button);
                document.body.appendChild(form);""", browser.url("/matching/" + run + "/toepassen"));
        browser.submit("#again");
        assertThat(browser.heading()).isEqualTo("Ronde " + run);
        assertThat(browser.find("[role=alert]").getText()).contains("Niet gelukt",
                "een ronde wordt één keer toegepast").doesNotContain("a run is applied once");

        // The start page: the run finished since yesterday, applied.
        browser.go("/");
        browser.waitForText("#planner-runs", "Ronde " + run + " (Alle jeugdregio's): Klaar – toegepast");
        browser.waitFor("#largest-gaps");
        browser.check("planner-start");

        // The Achterhoek gap, as a heat map of youth region × care type with the reasons in words.
        browser.go("/tekorten?youthRegion=ACHTERHOEK");
        assertThat(browser.heading()).isEqualTo("Tekorten");
        String heat = browser.find("#heat-map").getText();
        // Crisis places at the secure level are missing, mostly for lack of a free place; residential treatment
        // waits for a contract (Winterswijk). The counts are so small that the API shows them as <5, or hides them.
        assertThat(browser.find("#heat-map td[data-care-type='46']").getText())
                .contains("Gesloten: x", "geen plaats vrij x", "geen contract <5", "wacht mediaan");
        assertThat(browser.find("#heat-map td[data-care-type='43']").getText()).contains("geen contract <5");
        // Every figure of the API's report is on the page as the API publishes it, and no other.
        JsonNode report = api.asPlanner().get("/api/v1/reports/gaps?youthRegion=ACHTERHOEK").body();
        assertThat(report.get("unmet")).isNotEmpty();
        for (JsonNode gap : report.get("unmet")) {
            String cell = browser.find("#heat-map td[data-care-type='" + gap.get("careType").asText() + "']").getText();
            assertThat(cell).contains(LEVELS.get(gap.get("minSecurityLevel").asText()) + ": "
                    + gap.get("unplaced").asText());
            gap.get("byReason").fields().forEachRemaining(reason -> {
                String words = REASONS.get(reason.getKey()) + " " + reason.getValue().asText();
                if (reason.getValue().asText().equals("0")) {
                    assertThat(cell).doesNotContain(REASONS.get(reason.getKey()));
                } else {
                    assertThat(cell).contains(words);
                }
            });
        }
        assertThat(heat).doesNotContainPattern("(Open|Besloten|Gesloten|Justitieel|Ambulant): [1-4]\\b")
                .doesNotContainPattern("(aanbod|vrij|contract|bereikt|gemeenten) [1-4]\\b");
        // The shade repeats the largest count, which is always written.
        assertThat(browser.find("#heat-map td[data-care-type='46']").getAttribute("class")).contains("passend-heat-2");
        browser.check("planner-gaps");

        String csvLink = browser.find("#csv").getAttribute("href");
        Browser.Download csv = browser.download(csvLink.substring(csvLink.indexOf("/tekorten")));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.body().lines().findFirst()).hasValue("part,youthRegion,careType,minSecurityLevel,measure,value");
        assertThat(csv.body()).as("the API's CSV of the same report")
                .isEqualTo(api.asPlanner().getText("/api/v1/reports/gaps?youthRegion=ACHTERHOEK", "text/csv"));

        // Filters out of range, or a period that ends before it starts, are named at their field.
        browser.go("/tekorten?waitingLongerThanDays=0");
        assertThat(browser.find("#waitingLongerThanDays").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#waitingLongerThanDays-error").getText()).isEqualTo("Dit is te klein.");
        assertThat(browser.findAll("#heat-map")).isEmpty();
        browser.go("/tekorten?from=2026-10-01&until=2026-09-01");
        assertThat(browser.find("#from").getAttribute("aria-describedby")).isEqualTo("from-error");
        assertThat(browser.find("#from-error").getText())
                .contains("mag niet na de einddatum liggen (1 september 2026)");
        browser.check("planner-gaps-errors");
        assertThat(browser.download("/tekorten.csv?from=2026-10-01&until=2026-09-01").status()).isEqualTo(400);

        // In English when asked for; the figures stay as the API publishes them.
        browser.go("/tekorten?youthRegion=ACHTERHOEK&lang=en");
        assertThat(browser.heading()).isEqualTo("Gaps");
        assertThat(browser.find("#heat-map td[data-care-type='46']").getText()).contains("Secure: x", "no free place x");
        browser.go("/matching/" + run + "?lang=en");
        assertThat(browser.find("#run-status").getText()).isEqualTo("Done");
        browser.go("/matching?lang=nl");
        assertThat(browser.heading()).isEqualTo("Matching");
    }

    @Test
    void aPlannerTriesTwoScenariosAndAsksForPurchaseAdvice() throws Exception {
        browser.signIn("planner", "planner-demo");
        browser.go("/scenarios");
        assertThat(browser.heading()).isEqualTo("Scenario's en inkoopadvies");
        browser.check("planner-scenarios");

        // Sent without what its kind needs: the service's refusal is shown by the field.
        new Select(browser.find("#kind")).selectByVisibleText("Extra plaatsen");
        browser.submit("#scenario-form button[type=submit]");
        assertThat(browser.find("#offerId").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#offerId-error").getText()).contains("moet worden ingevuld voor dit soort wijziging");
        assertThat(browser.find("#places-error").getText()).contains("moet worden ingevuld voor dit soort wijziging");
        browser.check("planner-scenario-errors");

        // Four extra crisis places in Doetinchem (offer 52, secure crisis care), for the Achterhoek.
        long fourPlaces = scenario(form -> {
            new Select(browser.find("#kind")).selectByVisibleText("Extra plaatsen");
            browser.find("#offerId").sendKeys("52");
            browser.find("#places").sendKeys("4");
        });
        assertThat(browser.find("#scenario-changes").getText()).contains("Extra plaatsen", "aanbod 52", "4 plaatsen");
        String result = browser.find("#scenario-progress").getText();
        assertThat(result).contains("Met de wijziging", "Geplaatst, urgentie Crisis", "Bedragen ziet alleen een inkoper");
        assertThat(browser.find("#scenario-figures").getText()).doesNotContain("€");
        String placedMore = api.asPlanner().get("/api/v1/scenarios/" + fourPlaces).body().get("result")
                .get("placedMore").asText();
        assertThat(browser.find("#scenario-summary").getText()).startsWith("Met de wijziging " + placedMore + " jongeren");
        browser.check("planner-scenario-places");

        // Contract 18 of the Achterhoek extended to Winterswijk.
        long extension = scenario(form -> {
            new Select(browser.find("#kind")).selectByVisibleText("Contract uitbreiden");
            browser.find("#contractId").sendKeys("18");
            new Select(browser.find("#municipalities")).selectByVisibleText("Winterswijk");
        });
        assertThat(browser.find("#scenario-changes").getText()).contains("Contract uitbreiden", "contract 18",
                "voor Winterswijk");
        assertThat(extension).isNotEqualTo(fourPlaces);
        browser.check("planner-scenario-extension");

        // Both listed, newest first, beside the purchase advice.
        browser.go("/scenarios");
        assertThat(browser.find("#scenarios").getText()).contains("Scenario " + extension, "Scenario " + fourPlaces);

        new Select(browser.find("#advice-region")).selectByVisibleText("Achterhoek");
        browser.submit("#advice-form button[type=submit]");
        assertThat(browser.driver().getCurrentUrl()).matches(".*/scenarios/advies/\\d+");
        browser.waitForText("#advice-status", "Klaar", Duration.ofSeconds(60));
        String advice = browser.driver().getCurrentUrl();
        JsonNode candidates = api.asPlanner().get("/api/v1/purchase-advice/"
                + advice.substring(advice.lastIndexOf('/') + 1)).body().get("result").get("candidates");
        // The Achterhoek's secure crisis gap is 5 youths or more: the advice answers it.
        assertThat(candidates).isNotEmpty();
        assertThat(browser.findAll("#candidates tbody tr")).hasSize(candidates.size());
        assertThat(browser.find("#candidates tbody tr").getText()).startsWith("1 ")
                .contains(candidates.get(0).get("placedMore").asText(), "Jeugdhulp crisis");
        assertThat(browser.find("#candidates").getText()).as("no euros for a planner").doesNotContain("€");
        browser.check("planner-advice");

        // The best candidate tried as a scenario, beside today's supply: it places the youths the advice promised.
        browser.submit("#candidates tbody tr form button");
        assertThat(browser.driver().getCurrentUrl()).matches(".*/scenarios/\\d+");
        browser.waitForText("#scenario-status", "Klaar", Duration.ofSeconds(60));
        JsonNode change = candidates.get(0).get("change");
        assertThat(change.get("kind").asText()).isEqualTo("EXTRA_PLACES");
        assertThat(browser.find("#scenario-changes").getText()).contains("Extra plaatsen",
                "aanbod " + change.get("offerId").asText(), change.get("places").asText() + " plaatsen");
        assertThat(browser.find("#scenario-summary").getText())
                .startsWith("Met de wijziging " + candidates.get(0).get("placedMore").asText() + " jongeren");
        browser.go("/scenarios");
        assertThat(browser.find("#advices").getText()).contains("Achterhoek", "Klaar");
    }

    @Test
    void aPurchaserReadsTheCostOfAScenarioInEuros() throws Exception {
        browser.signIn("inkoper.doetinchem", "doetinchem-demo");
        long id = scenario(form -> {
            new Select(browser.find("#kind")).selectByVisibleText("Extra plaatsen");
            browser.find("#offerId").sendKeys("52");
            browser.find("#places").sendKeys("4");
        });
        double cost = api.asPurchaserOf("GM0222").get("/api/v1/scenarios/" + id).body().get("result")
                .get("costPerYearChange").asDouble();
        // In Dutch notation: a point between thousands, a comma before the cents.
        String euros = "€ " + String.format(java.util.Locale.GERMANY, "%,.2f", cost);
        assertThat(euros).matches("€ \\d{1,3}(\\.\\d{3})*,\\d{2}");
        assertThat(browser.find("#scenario-figures").getText()).contains("Kosten per jaar", euros);
        browser.check("purchaser-scenario");
    }

    /** Starts a scenario for the Achterhoek with the change the form is filled with, and waits until it is done. */
    private long scenario(java.util.function.Consumer<Void> fillIn) {
        browser.go("/scenarios");
        new Select(browser.find("#youthRegion")).selectByVisibleText("Achterhoek");
        browser.find("#timeLimitSeconds").clear();
        browser.find("#timeLimitSeconds").sendKeys("1");
        fillIn.accept(null);
        browser.submit("#scenario-form button[type=submit]");
        String page = browser.driver().getCurrentUrl();
        assertThat(page).matches(".*/scenarios/\\d+");
        browser.waitForText("#scenario-status", "Klaar", Duration.ofSeconds(60));
        return Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
    }

    @Test
    void theRolesTheApiRefusesGetNoneOfThePlannersPages() throws Exception {
        List<String> planning = List.of("/matching", "/matching/1", "/matching/1/voortgang", "/matching/vandaag");
        List<String> reporting = List.of("/tekorten", "/tekorten.csv", "/tekorten/grootste", "/scenarios",
                "/scenarios/1", "/scenarios/1/voortgang", "/scenarios/advies/1", "/scenarios/advies/1/voortgang");
        for (String[] user : List.of(new String[] {"jr.gelderland", "officer-demo"},
                new String[] {"intake.hazelaar", "hazelaar-demo"}, new String[] {"admin", "admin-demo"})) {
            browser.signIn(user[0], user[1]);
            assertThat(browser.heading()).as(user[0]).isEqualTo("Vandaag");
            for (String path : concat(planning, reporting)) {
                assertThat(browser.statusOf(path)).as(user[0] + " " + path).isEqualTo(403);
            }
            browser.signOut();
        }
        // A purchaser reads reports and scenarios, as in the API, but runs no matching.
        browser.signIn("inkoper.doetinchem", "doetinchem-demo");
        for (String path : planning) {
            assertThat(browser.statusOf(path)).as("purchaser " + path).isEqualTo(403);
        }
        assertThat(browser.statusOf("/tekorten")).isEqualTo(200);
        assertThat(browser.statusOf("/scenarios")).isEqualTo(200);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
