package nl.passend.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import nl.passend.support.Browser;
import nl.passend.support.DemoData;
import nl.passend.support.IntegrationTest;
import nl.passend.support.ReferralForm;

/**
 * A probation officer in a real browser (JOURNEYS.md, "A probation officer needs a place, today"): signs in, refers
 * the Zutphen youth with the form, finds it in the list and reads its page, and after a matching run why Apeldoorn and
 * not a place nearer home, in Dutch; every page passes axe-core and is kept as a screenshot. Another organisation's officer gets no page of it, and a planner none of the officer's pages.
 */
@IntegrationTest
@Tag(Browser.TAG)
@DemoData
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficerPagesTests {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

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
    void anOfficerRefersTheZutphenYouthAndReadsItsPage() throws Exception {
        browser.go("/");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/inloggen");
        assertThat(browser.heading()).isEqualTo("Inloggen");
        browser.check("sign-in");

        browser.signIn("jr.gelderland", "officer-demo");
        assertThat(browser.heading()).isEqualTo("Vandaag");
        // The organisation's open referrals, loaded in place by htmx.
        browser.waitFor("#open-referrals .passend-rows");
        browser.check("start-officer");

        browser.go("/verwijzingen/nieuw");
        browser.check("refer-form");
        // Sent empty, each field says what is wrong, and the field names its message.
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("[role=alert]").getText()).contains("nog niet goed ingevuld");
        WebElement pseudonym = browser.find("#youth\\.pseudonym");
        assertThat(pseudonym.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#" + pseudonym.getAttribute("aria-describedby").split(" ")[1]
                .replace(".", "\\.")).getText()).isEqualTo("Vul dit in.");
        browser.check("refer-form-errors");

        String name = "JR-ZUT-" + System.nanoTime() % 1_000_000;
        new ReferralForm(browser).fillInTheZutphenYouth(name, LocalDate.now().minusYears(16).minusMonths(5));
        browser.submit("form.passend-form button[type=submit]");

        assertThat(browser.driver().getCurrentUrl()).matches(".*/verwijzingen/\\d+");
        String page = browser.driver().getCurrentUrl();
        assertThat(browser.find("main").getText()).contains(name, "Zutphen", "Deventer", "Wacht op een plek",
                "Besloten", "LVB", "Schorsing voorlopige hechtenis", LocalDate.now().plusDays(1).getYear() + "");
        // Not matched yet: the explanation says so, in place.
        browser.waitForText("#explanation", "nog niet gematcht");
        browser.check("referral");
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));

        // The next morning a planner's run has found the place in Apeldoorn: the officer reads why, in Dutch.
        long run = matchedInApeldoorn(id);
        browser.driver().get(page);
        browser.waitForText("#explanation", "Geplaatst bij aanbod 1 in Apeldoorn");
        assertThat(browser.find("#explanation").getText()).contains(
                "Geplaatst bij aanbod 1 in Apeldoorn, op 18 km van huis in Zutphen; beveiligingsniveau 2 (besloten) "
                        + "zoals vereist; dagtarief € 455,00.",
                "Aanbod 6 in Zutphen, beveiligingsniveau 3 (gesloten). Vol: de enige plaats is bezet; bovendien één "
                        + "beveiligingsniveau hoger dan nodig.",
                "Aanbod 4 in Deventer, beveiligingsniveau 2 (besloten). Deventer is voor deze jongere uitgesloten.",
                "Aanbod 12 in Lochem, beveiligingsniveau 2 (besloten). Geen contract dekt Zutphen voor zorgtype 43 "
                        + "bij dit aanbod op 1 december 2026.")
                .doesNotContain("Placed at", "security level", "2026-12-01");
        browser.go("/verwijzingen/" + id + "/uitleg");
        assertThat(browser.find("main").getText()).contains("Vol: de enige plaats is bezet")
                .containsOnlyOnce("Geplaatst bij aanbod 1 in Apeldoorn");
        browser.check("explanation");
        // In English, the sentences the API gives.
        browser.driver().get(page + "?lang=en");
        browser.waitForText("#explanation", "Placed at offer 1 in Apeldoorn (security level 2), 18 km from home in "
                + "Zutphen; security level 2 as required; daily tariff € 455.");
        assertThat(browser.find("#explanation").getText()).contains("offer 12 in Lochem (security level 2): no "
                + "contract covers Zutphen for care type 43 there on 2026-12-01");
        browser.driver().get(page + "?lang=nl");
        jdbc.update("delete from matching_run where id = ?", run);

        browser.go("/verwijzingen");
        assertThat(browser.find("table").getText()).contains(name);
        browser.check("referrals");

        // In English when asked for; dates in the chosen language.
        browser.driver().get(page + "?lang=en");
        assertThat(browser.find("main").getText()).contains("Waiting for a place", "Semi-secure");
        browser.driver().get(page + "?lang=nl");
        assertThat(browser.heading()).startsWith("Verwijzing");

        assertThat(jdbc.queryForObject("select count(*) from referral r join youth y on y.id = r.youth_id "
                + "where y.pseudonym = ?", Long.class, name)).isOne();

        browser.signOut();
        browser.signIn("raad.oost", "raad-demo");
        browser.go("/verwijzingen/" + id);
        assertThat(browser.heading()).isEqualTo("Niet gevonden");
        assertThat(browser.find("main").getText()).doesNotContain(name);
        assertThat(browser.statusOf("/verwijzingen/" + id)).isEqualTo(404);
        assertThat(browser.statusOf("/verwijzingen/" + id + "/uitleg")).isEqualTo(404);
        browser.go("/verwijzingen");
        assertThat(browser.find("main").getText()).doesNotContain(name);
        browser.check("not-found");
    }

    @Test
    void aDoubleSubmitMakesOneReferral() throws Exception {
        browser.signIn("jr.gelderland", "officer-demo");
        browser.go("/verwijzingen/nieuw");
        String name = "JR-DUB-" + System.nanoTime() % 1_000_000;
        new ReferralForm(browser).fillInTheZutphenYouth(name, LocalDate.now().minusYears(16));
        // The form sent twice as it stands (a double click, a retry after a network error): same key, same fields.
        @SuppressWarnings("unchecked")
        List<String> landedOn = (List<String>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.querySelector('form.passend-form');
                const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))});
                Promise.all([send(), send()]).then(answers => Promise.all(answers.map(async a => a.status + ' ' + a.url
                        + (a.redirected ? '' : ' ' + ((await a.text()).match(/error-message[^>]*>[^<]*/g) || []).join(' | '))))).then(done);
                """);
        assertThat(landedOn).hasSize(2).allMatch(answer -> answer.matches("200 .*/verwijzingen/\\d+"));
        assertThat(landedOn.get(1)).isEqualTo(landedOn.get(0));
        assertThat(jdbc.queryForObject("select count(*) from referral r join youth y on y.id = r.youth_id "
                + "where y.pseudonym = ?", Long.class, name)).isOne();
    }

    @Test
    void aPlannerGetsNoneOfTheOfficersPages() throws Exception {
        browser.signIn("planner", "planner-demo");
        assertThat(browser.heading()).isEqualTo("Vandaag");
        browser.check("start-planner");
        for (String path : List.of("/verwijzingen", "/verwijzingen/1", "/verwijzingen/nieuw", "/verwijzingen/open",
                "/verwijzingen/1/uitleg")) {
            assertThat(browser.statusOf(path)).as(path).isEqualTo(403);
        }
        browser.go("/verwijzingen/1");
        assertThat(browser.heading()).isEqualTo("Geen toegang");
        assertThat(browser.find("main").getText()).doesNotContain("JR-2026-0101");
        browser.check("forbidden");
    }

    @Test
    void aWrongPasswordIsRefusedAndSigningOutEndsTheSession() throws Exception {
        browser.signIn("jr.gelderland", "wrong");
        assertThat(browser.find("[role=alert]").getText()).contains("klopt niet");
        browser.signIn("jr.gelderland", "officer-demo");
        assertThat(browser.driver().manage().getCookieNamed("PASSEND_SESSION"))
                .satisfies(cookie -> assertThat(cookie.isHttpOnly()).isTrue())
                .satisfies(cookie -> assertThat(cookie.isSecure()).isTrue())
                .satisfies(cookie -> assertThat(cookie.getSameSite()).isEqualTo("Lax"));
        browser.waitFor("#open-referrals .passend-rows");
        browser.submit("form[action$='/uitloggen'] button");
        assertThat(browser.find("[role=status]").getText()).contains("uitgelogd");
        browser.go("/verwijzingen");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/inloggen");
    }

    @Test
    void theFormIsThrottledLikeTheApiAfterFailedSignIns() throws Exception {
        String username = "guess." + System.nanoTime();
        for (int attempt = 0; attempt < 10 && !browser.driver().getCurrentUrl().contains("wacht="); attempt++) {
            browser.signIn(username, "wrong-" + attempt);
        }
        assertThat(browser.driver().getCurrentUrl()).contains("/inloggen?wacht=");
        assertThat(browser.find("[role=alert]").getText()).contains("Te vaak een verkeerd wachtwoord");
    }

    /**
     * A finished run that placed the referral in Apeldoorn, with the first journey's explanation as a run stores it
     * (the solver's phrases, format 2); its outcome goes with the run when the run is deleted.
     */
    private long matchedInApeldoorn(long referral) throws IOException {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    insert into matching_run (status, time_limit_seconds, requested_by, requested_at, started_at,
                      finished_at) values ('DONE', 10, 'planner', ?, ?, ?)""", new String[] {"id"});
            Timestamp now = Timestamp.from(Instant.now());
            insert.setTimestamp(1, now);
            insert.setTimestamp(2, now);
            insert.setTimestamp(3, now);
            return insert;
        }, key);
        long run = key.getKey().longValue();
        String explanation = new ClassPathResource("journey-explanation.json", getClass())
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("\"referralId\": 1,", "\"referralId\": " + referral + ",");
        jdbc.update("""
                insert into matching_outcome (run_id, referral_id, urgency, youth_region_code, care_type_code,
                  min_security_level, days_waiting, explanation, explanation_format)
                values (?, ?, 'HIGH', 'MIDDEN_IJSSEL_OOST_VELUWE', '43', 2, 1, ?, 2)""", run, referral, explanation);
        return run;
    }
}
