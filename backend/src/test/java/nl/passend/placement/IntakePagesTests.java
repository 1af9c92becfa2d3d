package nl.passend.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.passend.security.Actor;
import nl.passend.security.Role;
import nl.passend.support.Api;
import nl.passend.support.Browser;
import nl.passend.support.DemoData;
import nl.passend.support.IntegrationTest;

/**
 * The intake of the Apeldoorn provider (Stichting Hazelaar, {@code intake.hazelaar}) in a real browser (JOURNEYS.md,
 * "A provider's intake answers within days", and the end of care of "Aftercare is prepared at home"): two Zutphen
 * youths proposed for the last place of the semi-secure LVB group De Linde (demo offer 1); the intake sees age,
 * gender and needs but not the note, accepts one, is refused the second, declines it with a coded reason, starts
 * and ends care with JZ588 code 31; and reports today's capacity of all its offers in one submit. Every page passes
 * axe-core and is kept as a screenshot. No other role gets these pages, and another provider's intake finds none of
 * Hazelaar's proposals.
 */
@IntegrationTest
@Tag(Browser.TAG)
@DemoData
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakePagesTests {

    private static final long DE_LINDE = 1;
    private static final long CONTRACT_MIJ = 1;
    private static final long HAZELAAR = 101;
    private static final String NOTE = "Suspected of a violent robbery in Deventer.";
    /** Every page path of the intake, with an id where it takes one. */
    private static final List<String> PAGES = List.of("/voorstellen", "/voorstellen/vandaag", "/voorstellen/%d",
            "/plaatsingen", "/plaatsingen/%d", "/capaciteit");
    private static final List<String> POSTS = List.of("/voorstellen/%d/accepteren", "/voorstellen/%d/afwijzen",
            "/plaatsingen/%d/start", "/plaatsingen/%d/einde", "/capaciteit");

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Api api;

    Browser browser;
    Api intake;
    /** The two proposals for De Linde's last place: the first is accepted, the second refused and declined. */
    long first;
    long second;
    long secondReferral;

    @BeforeAll
    void proposeTwoZutphenYouthsForTheLastPlace() throws Exception {
        intake = api.as(new Actor("intake.hazelaar", Role.PROVIDER_INTAKE, HAZELAAR));
        Map<String, Object> asShipped = jdbc.queryForMap(
                "select total_places, externally_occupied from offer where id = ?", DE_LINDE);
        int total = ((Number) asShipped.get("total_places")).intValue();
        // Room for both proposals while they are made, whatever other classes left at the offer.
        long held = placementsAtDeLinde("'PROPOSED', 'ACCEPTED', 'STARTED'");
        reportCapacity(total, (int) (total - held - 2));
        Api officer = api.asOfficer();
        Api planner = api.asPlanner();
        long[] referrals = new long[2];
        long[] proposals = new long[2];
        for (int i = 0; i < 2; i++) {
            Api.Response referred = officer.post("/api/v1/referrals", Api.referral("JR-APD-" + System.nanoTime()));
            assertThat(referred.status()).as(referred.body().toString()).isEqualTo(201);
            referrals[i] = referred.body().get("id").asLong();
            Api.Response proposed = planner.post("/api/v1/placements",
                    Map.of("referralId", referrals[i], "offerId", DE_LINDE, "contractId", CONTRACT_MIJ));
            assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(201);
            proposals[i] = proposed.body().get("id").asLong();
        }
        first = proposals[0];
        second = proposals[1];
        secondReferral = referrals[1];
        // Then today's count: one place left for Passend, as in the demo, so that only one proposal can take it.
        reportCapacity(total, (int) (total - placementsAtDeLinde("'ACCEPTED', 'STARTED'") - 1));
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
    void theApeldoornIntakeAnswersItsProposalsAndEndsCareAccordingToPlan() throws Exception {
        browser.signIn("intake.hazelaar", "hazelaar-demo");
        assertThat(browser.heading()).isEqualTo("Vandaag");
        // What waits, loaded in place by htmx: the proposals (ours and the demo's) and the oldest of them.
        browser.waitFor("#proposals-waiting");
        long waiting = jdbc.queryForObject("select count(*) from placement p join offer o on o.id = p.offer_id "
                + "join location l on l.id = o.location_id where l.provider_id = 1 and p.status = 'PROPOSED'",
                Long.class);
        assertThat(browser.find("#proposals-waiting").getText()).contains(waiting + " voorstellen wachten",
                "Het oudste");
        // Demo placement 7 is in care and ends within six weeks.
        assertThat(browser.find("#ending").getText()).contains("Plaatsing 7");
        browser.check("intake-start");

        browser.go("/voorstellen");
        assertThat(browser.heading()).isEqualTo("Voorstellen");
        WebElement row = browser.find("a[href$='/voorstellen/" + first + "']")
                .findElement(org.openqa.selenium.By.xpath("ancestor::tr"));
        assertThat(row.getText()).contains("Besloten LVB-groep De Linde", "16", "Man", "43, Besloten, LVB", "Hoog");
        // Age, gender and needs only: never the pseudonym or the officer's note.
        assertThat(browser.find("main").getText()).doesNotContain("JR-APD-", "robbery");
        browser.check("intake-proposals");

        browser.go("/voorstellen/" + first);
        assertThat(browser.heading()).isEqualTo("Voorstel " + first);
        assertThat(browser.find("main").getText()).contains("16", "Man", "Schorsing voorlopige hechtenis", "Besloten",
                "LVB", "182").doesNotContain("robbery", "JR-APD-");
        browser.check("intake-proposal");
        browser.submit("#accept");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/plaatsingen/" + first + "?geaccepteerd");
        assertThat(browser.find("[role=status]").getText()).contains("de plek is genomen");
        assertThat(browser.find("#placement-status").getText()).isEqualTo("Geaccepteerd");
        // Accepted, the provider reads the note, as the API gives it.
        assertThat(browser.find("main").getText()).contains(NOTE);
        browser.check("intake-accepted");

        // The last place is taken: the second proposal cannot have it, and says so on its page.
        browser.go("/voorstellen/" + second);
        browser.submit("#accept");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/voorstellen/" + second + "/accepteren");
        // The service's refusal in the reader's language, the API's English nowhere on the page.
        assertThat(browser.find("[role=alert]").getText()).contains("er is niets veranderd", "heeft geen vrije plek")
                .doesNotContain("has no free place");
        assertThat(status(second)).isEqualTo("PROPOSED");
        browser.check("intake-accept-refused");
        // The page of the refusal is answered as the API answers it: 409.
        assertThat(post("/voorstellen/" + second + "/accepteren", "version=" + version(second))).isEqualTo(409);
        assertThat(status(second)).isEqualTo("PROPOSED");

        // Declined without a reason: the reason's field says what is missing, and names its message.
        browser.submit("#decline");
        WebElement reason = browser.find("#reason");
        assertThat(reason.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#" + reason.getAttribute("aria-describedby")).getText()).isEqualTo("Vul dit in.");
        browser.check("intake-decline-errors");
        // OTHER needs a note: the service's rule, shown at the note.
        new Select(browser.find("#reason")).selectByValue("OTHER");
        browser.submit("#decline");
        WebElement note = browser.find("#note");
        assertThat(note.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#note-error").getText()).contains("moet zeggen waarom");
        assertThat(note.getAttribute("aria-describedby")).contains("note-error");
        assertThat(status(second)).isEqualTo("PROPOSED");

        new Select(browser.find("#reason"))
                .selectByVisibleText("Jongere van 18+ in een groep minderjarigen (ADULT_IN_GROUP_OF_MINORS)");
        browser.submit("#decline");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/voorstellen?afgewezen=" + second);
        assertThat(browser.find("[role=status]").getText()).contains("is afgewezen");
        assertThat(browser.findAll("a[href$='/voorstellen/" + second + "']")).isEmpty();
        assertThat(jdbc.queryForObject("select decline_reason from placement where id = ?", String.class, second))
                .isEqualTo("ADULT_IN_GROUP_OF_MINORS");
        assertThat(status(second)).isEqualTo("DECLINED");

        browser.go("/plaatsingen");
        assertThat(browser.find("a[href$='/plaatsingen/" + first + "']").getText()).isEqualTo("Plaatsing " + first);
        browser.check("intake-placements");

        // Care starts: not in the future (the service's rule, at the date), then today.
        browser.go("/plaatsingen/" + first);
        date("#startedOn", LocalDate.now().plusDays(2));
        browser.submit("#start");
        assertThat(browser.find("#startedOn").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#startedOn-error").getText()).contains("mag niet in de toekomst liggen");
        browser.check("intake-start-errors");
        date("#startedOn", LocalDate.now());
        browser.submit("#start");
        assertThat(browser.find("[role=status]").getText()).contains("De zorg is gestart");
        assertThat(browser.find("#placement-status").getText()).isEqualTo("In zorg");
        assertThat(browser.find("main").getText()).contains(dutch(LocalDate.now()), dutch(LocalDate.now().plusDays(182)));

        // Care ends: a reason is needed, in JZ588's words; then "according to plan".
        date("#endedOn", LocalDate.now());
        browser.submit("#end");
        assertThat(browser.find("#reason").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#reason").getAttribute("aria-describedby")).isEqualTo("reason-hint reason-error");
        browser.check("intake-end-errors");
        new Select(browser.find("#reason")).selectByVisibleText("31 Volgens plan");
        browser.submit("#end");
        assertThat(browser.find("[role=status]").getText()).contains("De zorg is beëindigd");
        assertThat(browser.find("#placement-status").getText()).isEqualTo("Beëindigd");
        assertThat(browser.find("main").getText()).contains("Volgens plan (31)");
        assertThat(jdbc.queryForObject("select end_reason from placement where id = ?", String.class, first))
                .isEqualTo("31");
        browser.check("intake-ended");

        // In English when asked for.
        browser.go("/plaatsingen/" + first + "?lang=en");
        assertThat(browser.find("main").getText()).contains("According to plan (31)", "Ended");
        browser.go("/voorstellen?lang=nl");
        assertThat(browser.heading()).isEqualTo("Voorstellen");
    }

    @Test
    void theIntakeReportsTodaysCapacityOfAllItsOffersInOneSubmit() throws Exception {
        browser.signIn("intake.hazelaar", "hazelaar-demo");
        browser.go("/capaciteit");
        assertThat(browser.heading()).isEqualTo("Capaciteit vandaag");
        List<Long> own = jdbc.queryForList("select o.id from offer o join location l on l.id = o.location_id "
                + "where l.provider_id = 1", Long.class);
        assertThat(browser.findAll("tbody tr")).hasSize(own.size());
        assertThat(browser.find("table").getText()).contains("Besloten LVB-groep De Linde", "Ambulant team Deventer")
                .doesNotContain("Kroonbeek");
        browser.check("intake-capacity");
        int row = rowOf("Ambulant team Apeldoorn");
        int other = rowOf("Open leefgroep De Linde");
        long apeldoorn = offerIn(row);
        long openGroup = offerIn(other);
        Map<String, Object> before = capacityOf(apeldoorn);

        // One row wrong: its field says so, and no row is saved, not even the right one.
        type("#total-" + row, "31");
        type("#external-" + other, "999");
        browser.submit("#save-capacity");
        WebElement wrong = browser.find("#external-" + other);
        assertThat(wrong.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#" + wrong.getAttribute("aria-describedby")).getText())
                .contains("mag niet meer zijn dan het totaal aantal plaatsen");
        assertThat(capacityOf(apeldoorn)).isEqualTo(before);
        browser.check("intake-capacity-errors");

        // Someone else reports the open group's capacity meanwhile: nothing of this submit is saved, and the page
        // shows the figures as they are now.
        Map<String, Object> open = capacityOf(openGroup);
        type("#external-" + other, String.valueOf(open.get("externally_occupied")));
        int total = ((Number) open.get("total_places")).intValue();
        Api.Response meanwhile = intake.put("/api/v1/offers/" + openGroup + "/capacity", Map.of("totalPlaces",
                total + 1, "externallyOccupied", open.get("externally_occupied"), "version", open.get("version")));
        assertThat(meanwhile.status()).isEqualTo(200);
        browser.submit("#save-capacity");
        assertThat(browser.find("[role=alert]").getText()).contains("Er is niets opgeslagen");
        assertThat(capacityOf(apeldoorn)).isEqualTo(before);
        assertThat(browser.find("#total-" + other).getAttribute("value")).isEqualTo(String.valueOf(total + 1));
        assertThat(browser.find("#total-" + row).getAttribute("value"))
                .isEqualTo(String.valueOf(before.get("total_places")));
        assertThat(browser.find("main").getText()).contains("intussen gewijzigd");
        browser.check("intake-capacity-conflict");

        // As read again, the change is saved for every offer at once, each on its own version, and audited.
        type("#total-" + row, "31");
        browser.submit("#save-capacity");
        assertThat(browser.find("[role=status]").getText()).contains("opgeslagen");
        assertThat(capacityOf(apeldoorn).get("total_places")).isEqualTo(31);
        assertThat(browser.find("#total-" + row).getAttribute("value")).isEqualTo("31");
        int external = ((Number) before.get("externally_occupied")).intValue();
        assertThat(browser.find("#free-" + row).getText()).isEqualTo(String.valueOf(31 - external
                - placementsAt(apeldoorn)));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where resource_type = 'offer' "
                + "and resource_id = ? and action = 'UPDATE' and username = 'intake.hazelaar'", Long.class,
                String.valueOf(apeldoorn))).isPositive();

        // Back as it shipped, for the classes after this one.
        Map<String, Object> now = capacityOf(apeldoorn);
        assertThat(intake.put("/api/v1/offers/" + apeldoorn + "/capacity", Map.of("totalPlaces",
                before.get("total_places"), "externallyOccupied", external, "version", now.get("version"))).status())
                .isEqualTo(200);
        Map<String, Object> openNow = capacityOf(openGroup);
        assertThat(intake.put("/api/v1/offers/" + openGroup + "/capacity", Map.of("totalPlaces", total,
                "externallyOccupied", openNow.get("externally_occupied"), "version", openNow.get("version")))
                .status()).isEqualTo(200);
    }

    @Test
    void anotherProvidersIntakeFindsNoneOfHazelaarsProposals() throws Exception {
        browser.signIn("intake.kroonbeek", "kroonbeek-demo");
        browser.waitFor("#proposals-waiting");
        for (long placement : List.of(first, second)) {
            assertThat(browser.statusOf("/voorstellen/" + placement)).isEqualTo(404);
            assertThat(browser.statusOf("/plaatsingen/" + placement)).isEqualTo(404);
            for (String post : List.of("/voorstellen/%d/accepteren", "/voorstellen/%d/afwijzen",
                    "/plaatsingen/%d/start", "/plaatsingen/%d/einde")) {
                assertThat(post(post.formatted(placement), "version=0&reason=AGE&startedOn=" + LocalDate.now()
                        + "&endedOn=" + LocalDate.now())).as(post).isEqualTo(404);
            }
        }
        assertThat(status(second)).isIn("PROPOSED", "DECLINED");
        browser.go("/voorstellen");
        assertThat(browser.findAll("a[href$='/voorstellen/" + first + "']")).isEmpty();
        assertThat(browser.find("main").getText()).doesNotContain("De Linde");
        browser.go("/capaciteit");
        assertThat(browser.find("main").getText()).doesNotContain("De Linde").contains("De Berkel");
        // Hazelaar's offer slipped into Kroonbeek's capacity form is not found, and nothing of the form is saved.
        Map<String, Object> deLinde = capacityOf(DE_LINDE);
        long berkel = offerIn(rowOf("De Berkel"));
        Map<String, Object> ownBefore = capacityOf(berkel);
        assertThat(post("/capaciteit", "reports[0].offerId=" + berkel + "&reports[0].totalPlaces=1"
                + "&reports[0].externallyOccupied=0&reports[0].version=" + ownBefore.get("version")
                + "&reports[1].offerId=" + DE_LINDE + "&reports[1].totalPlaces=0&reports[1].externallyOccupied=0"
                + "&reports[1].version=" + deLinde.get("version"))).isEqualTo(404);
        assertThat(capacityOf(DE_LINDE)).isEqualTo(deLinde);
        assertThat(capacityOf(berkel)).isEqualTo(ownBefore);
        browser.go("/voorstellen/" + first);
        assertThat(browser.heading()).isEqualTo("Niet gevonden");
        browser.check("intake-not-found");
    }

    @Test
    void noOtherRoleGetsAnIntakePage() throws Exception {
        for (String[] user : List.of(new String[] {"planner", "planner-demo"},
                new String[] {"jr.gelderland", "officer-demo"}, new String[] {"inkoper.apeldoorn", "apeldoorn-demo"},
                new String[] {"admin", "admin-demo"})) {
            browser.driver().manage().deleteAllCookies();
            browser.signIn(user[0], user[1]);
            for (String page : PAGES) {
                assertThat(browser.statusOf(page.formatted(first))).as(user[0] + " " + page).isEqualTo(403);
            }
            for (String post : POSTS) {
                assertThat(post(post.formatted(first), "version=0")).as(user[0] + " POST " + post).isEqualTo(403);
            }
        }
        browser.go("/voorstellen/" + first);
        assertThat(browser.heading()).isEqualTo("Geen toegang");
        browser.check("intake-forbidden");
        // The same posts with the same token pass the security of an intake (refused by the service instead), so
        // the 403s above are the role's, not a missing token's.
        browser.driver().manage().deleteAllCookies();
        browser.signIn("intake.kroonbeek", "kroonbeek-demo");
        assertThat(post("/voorstellen/" + first + "/accepteren", "version=0")).isEqualTo(404);
    }

    /** Posts the form fields from the current page with its CSRF token, as a form would; the answer's status. */
    private int post(String path, String fields) {
        Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('input[name=_csrf]').value;
                fetch(arguments[0], {method: 'POST', redirect: 'manual',
                        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                        body: arguments[1] + '&_csrf=' + encodeURIComponent(token)})
                    .then(answer => done(answer.type === 'opaqueredirect' ? 302 : answer.status));
                """, browser.url(path), fields);
        return ((Number) status).intValue();
    }

    private void reportCapacity(int total, int externallyOccupied) {
        long version = jdbc.queryForObject("select version from offer where id = ?", Long.class, DE_LINDE);
        Api.Response reported = intake.put("/api/v1/offers/" + DE_LINDE + "/capacity",
                Map.of("totalPlaces", total, "externallyOccupied", externallyOccupied, "version", version));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(200);
    }

    private long placementsAtDeLinde(String statuses) {
        return jdbc.queryForObject("select count(*) from placement where offer_id = ? and status in (" + statuses
                + ")", Long.class, DE_LINDE);
    }

    private long placementsAt(long offer) {
        return jdbc.queryForObject("select count(*) from placement where offer_id = ? and status in "
                + "('PROPOSED', 'ACCEPTED', 'STARTED')", Long.class, offer);
    }

    private long version(long placement) {
        return jdbc.queryForObject("select version from placement where id = ?", Long.class, placement);
    }

    private String status(long placement) {
        return jdbc.queryForObject("select status from placement where id = ?", String.class, placement);
    }

    private Map<String, Object> capacityOf(long offer) {
        return jdbc.queryForMap("select total_places, externally_occupied, version from offer where id = ?", offer);
    }

    /** The row of the capacity table that names the offer. */
    private int rowOf(String offerName) {
        List<WebElement> rows = browser.findAll("tbody tr");
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getText().contains(offerName)) {
                return i;
            }
        }
        throw new AssertionError("No row for " + offerName);
    }

    private long offerIn(int row) {
        return Long.parseLong(browser.find("input[name='reports[" + row + "].offerId']").getAttribute("value"));
    }

    private void type(String css, String value) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(value);
    }

    /** A date field's value, set as the form sends it; typing would follow the browser's locale. */
    private void date(String css, LocalDate date) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                browser.find(css), date.toString());
    }

    private static String dutch(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.forLanguageTag("nl-NL")));
    }
}
