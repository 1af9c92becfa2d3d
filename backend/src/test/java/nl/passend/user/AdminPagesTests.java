package nl.passend.user;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.security.Actor;
import nl.passend.security.Role;
import nl.passend.support.Api;
import nl.passend.support.Browser;
import nl.passend.support.DemoData;
import nl.passend.support.IntegrationTest;

/**
 * An administrator in a real browser (JOURNEYS.md, "An administrator looks back"): filters the audit trail by a
 * referral and sees every read and change, by whom and from which organisation; keeps user accounts and organisations,
 * where the service's refusals (the last active administrator, a stale version) show on the page. No other role gets
 * any of these pages. The accounts and organisations made here are new ones, so the demo set stays as it is.
 */
@IntegrationTest
@Tag(Browser.TAG)
@DemoData
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesTests {

    private static final long GELDERLAND_OOST = 30;
    private static final List<String> PATHS = List.of("/beheer/gebruikers", "/beheer/gebruikers/nieuw",
            "/beheer/gebruikers/inactief", "/beheer/gebruikers/1", "/beheer/organisaties",
            "/beheer/organisaties/nieuw", "/beheer/organisaties/30", "/beheer/audit", "/beheer/audit/recent");

    @Value("${local.server.port}")
    int port;
    @Autowired
    Api api;
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
    void anAdministratorSeesWhoReadAndChangedAReferral() throws Exception {
        // The officer refers a youth through the API, then reads its page in the browser; the referral is withdrawn.
        Api officer = api.as(new Actor("jr.gelderland", Role.PROBATION_OFFICER, GELDERLAND_OOST));
        Api.Response referred = officer.post("/api/v1/referrals", Api.referral("JR-AUD-" + System.nanoTime() % 1_000_000));
        assertThat(referred.status()).isEqualTo(201);
        long referral = referred.body().get("id").asLong();
        browser.signIn("jr.gelderland", "officer-demo");
        browser.go("/verwijzingen/" + referral);
        // Each list of referrals is a read of every referral in it: enough events for more than one page.
        for (int i = 0; i < 3; i++) {
            browser.go("/verwijzingen");
        }
        assertThat(officer.post("/api/v1/referrals/" + referral + "/withdrawal",
                "{\"reason\": \"Niet meer nodig\", \"version\": 0}").status()).isEqualTo(200);
        browser.signOut();
        long events = jdbc.queryForObject("select count(*) from audit_event where resource_type = 'referral' "
                + "and resource_id = ?", Long.class, String.valueOf(referral));
        assertThat(events).isGreaterThanOrEqualTo(4);

        browser.signIn("admin", "admin-demo");
        browser.go("/beheer/audit");
        assertThat(browser.heading()).isEqualTo("Audittrail");
        browser.check("audit");
        // Newest first, fifty to a page.
        assertThat(browser.findAll(".passend-events tbody tr")).hasSize(50);
        assertThat(browser.find("main nav").getText()).contains("Pagina 1 van");
        browser.find("main nav a").click();
        browser.waitForText("main nav", "Pagina 2 van");
        assertThat(browser.findAll(".passend-events tbody tr")).isNotEmpty();
        browser.go("/beheer/audit");
        new Select(browser.find("#resourceType")).selectByVisibleText("Verwijzing");
        browser.find("#resourceId").sendKeys(String.valueOf(referral));
        browser.submit("#audit-filter button[type=submit]");

        String table = browser.find(".passend-events table").getText();
        assertThat(browser.find(".passend-events caption").getText()).isEqualTo("Gebeurtenissen (" + events + ")");
        assertThat(table).contains("jr.gelderland", "Jeugdreclassering Gelderland Oost", "Aangemaakt", "Ingezien", "Gewijzigd",
                "Verwijzing " + referral);
        List<WebElement> rows = browser.findAll(".passend-events tbody tr");
        assertThat(rows).hasSize((int) events).allSatisfy(row -> assertThat(row.getText())
                .contains("jr.gelderland", "Jeugdreclassering Gelderland Oost", "Verwijzing " + referral));
        browser.check("audit-referral");

        // Only the reads; and a period that ended yesterday holds none of them.
        new Select(browser.find("#action")).selectByVisibleText("Ingezien");
        browser.submit("#audit-filter button[type=submit]");
        assertThat(browser.findAll(".passend-events tbody tr")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.getText()).contains("Ingezien").doesNotContain("Gewijzigd"));
        date("#until", LocalDate.now().minusDays(1));
        browser.submit("#audit-filter button[type=submit]");
        assertThat(browser.find(".passend-events").getText()).contains("Geen gebeurtenissen");
        // The filters stay in the form, and the organisation and user filters narrow as the API's do.
        assertThat(browser.find("#resourceId").getAttribute("value")).isEqualTo(String.valueOf(referral));
        browser.go("/beheer/audit?resourceType=referral&resourceId=" + referral);
        new Select(browser.find("#organisationId")).selectByVisibleText("Raad voor de Kinderbescherming, regio Oost-Nederland");
        browser.submit("#audit-filter button[type=submit]");
        assertThat(browser.find(".passend-events").getText()).contains("Geen gebeurtenissen");
        new Select(browser.find("#organisationId")).selectByVisibleText("Jeugdreclassering Gelderland Oost");
        browser.submit("#audit-filter button[type=submit]");
        assertThat(browser.findAll(".passend-events tbody tr")).hasSize((int) events);
        browser.go("/beheer/audit?resourceType=referral&resourceId=" + referral + "&username=jr.gelderland");
        assertThat(browser.findAll(".passend-events tbody tr")).hasSize((int) events);

        // The start page shows the latest events.
        browser.go("/");
        browser.waitForText("#recent-audit .passend-events", "De laatste 10 gebeurtenissen");
        browser.check("start-admin");
    }

    @Test
    void anAdministratorCreatesAUserAndChangesItsRoleAndOrganisation() throws Exception {
        browser.signIn("admin", "admin-demo");
        browser.go("/beheer/gebruikers");
        assertThat(browser.find("#users").getText()).contains("admin", "jr.gelderland", "Beheerder");
        browser.check("users");

        browser.go("/beheer/gebruikers/nieuw");
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("[role=alert]").getText()).contains("nog niet goed ingevuld");
        assertThat(browser.find("#password").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#" + browser.find("#username").getAttribute("aria-describedby").split(" ")[1])
                .getText()).isEqualTo("Vul dit in.");
        browser.check("user-form-errors");

        String username = "planner.test" + System.nanoTime() % 1_000_000;
        browser.find("#username").sendKeys(username);
        browser.find("#displayName").sendKeys("Planner Achterhoek");
        browser.find("#password").sendKeys("een-lang-wachtwoord");
        // A purchaser must work for a municipality: the service refuses it by the role field.
        new Select(browser.find("#role")).selectByVisibleText("Inkoper");
        new Select(browser.find("#organisationId")).selectByVisibleText("Inkoopbureau Jeugd Oost-Gelderland");
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("#role").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#role-error").getText()).contains("REGIONAL_PURCHASING");
        browser.find("#password").sendKeys("een-lang-wachtwoord");
        new Select(browser.find("#role")).selectByVisibleText("Regionaal planner");
        browser.submit("form.passend-form button[type=submit]");

        assertThat(browser.driver().getCurrentUrl()).matches(".*/beheer/gebruikers/\\d+\\?opgeslagen");
        assertThat(browser.find("[role=status]").getText()).contains("Opgeslagen");
        browser.check("user-edit");
        assertThat(jdbc.queryForObject("select role from user_account where username = ?", String.class, username))
                .isEqualTo("PLANNER");

        // The new account signs in... after a change of organisation and then deactivation, no more.
        new Select(browser.find("#organisationId")).selectByVisibleText("Gemeente Zutphen");
        browser.find("#active1").click();
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("[role=status]").getText()).contains("Opgeslagen");
        assertThat(browser.find("#active1").isSelected()).isFalse();
        assertThat(jdbc.queryForMap("select u.active, o.name from user_account u join organisation o "
                + "on o.id = u.organisation_id where u.username = ?", username))
                .containsEntry("ACTIVE", false).containsEntry("NAME", "Gemeente Zutphen");
        browser.go("/");
        browser.waitForText("#inactive-users", username);

        browser.go("/beheer/gebruikers");
        new Select(browser.find("#role")).selectByVisibleText("Regionaal planner");
        browser.submit("#user-filter button[type=submit]");
        assertThat(browser.find("#users").getText()).contains(username, "planner").doesNotContain("jr.gelderland");
        new Select(browser.find("#organisationId")).selectByVisibleText("Gemeente Zutphen");
        browser.submit("#user-filter button[type=submit]");
        assertThat(browser.findAll("#users tbody tr")).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains(username, "Gemeente Zutphen"));
    }

    @Test
    void theLastActiveAdministratorCannotBeDeactivatedAndThePageSaysSo() throws Exception {
        browser.signIn("admin", "admin-demo");
        browser.go("/beheer/gebruikers/1");
        assertThat(browser.find("#username").getAttribute("value")).isEqualTo("admin");
        browser.find("#active1").click();
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("[role=alert]").getText()).contains("Niet opgeslagen",
                "Gebruiker 'admin' is de laatste actieve beheerder",
                "Nu vastgelegd: Functioneel beheer Passend, Beheerder bij Inkoopbureau Jeugd Oost-Gelderland, actief: Ja");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("opgeslagen");
        browser.check("user-last-admin");
        browser.driver().get(browser.driver().getCurrentUrl() + "?lang=en");
        assertThat(browser.heading()).isEqualTo("User admin");
        // In English the same refusal reads as the API words it.
        browser.find("#active1").click();
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("[role=alert]").getText())
                .contains("User 'admin' is the last active administrator: make another user an active ADMIN")
                .doesNotContain("laatste actieve beheerder");
        browser.go("/beheer/gebruikers?lang=nl");
        assertThat(jdbc.queryForObject("select active from user_account where username = 'admin'", Boolean.class))
                .isTrue();
    }

    @Test
    void anAdministratorKeepsOrganisationsAndAStaleEditIsRefused() throws Exception {
        browser.signIn("admin", "admin-demo");
        browser.go("/beheer/organisaties");
        assertThat(browser.find("#organisations").getText()).contains("Gemeente Apeldoorn", "Gemeente");
        browser.check("organisations");

        browser.go("/beheer/organisaties/nieuw");
        String name = "Jeugdreclassering Test " + System.nanoTime() % 1_000_000;
        browser.find("#name").sendKeys(name);
        new Select(browser.find("#type")).selectByVisibleText("Gemeente");
        browser.submit("form.passend-form button[type=submit]");
        // A municipality needs its municipality: the service says so by the field.
        assertThat(browser.find("#municipalityCode").getAttribute("aria-invalid")).isEqualTo("true");
        browser.check("organisation-form-errors");
        new Select(browser.find("#type")).selectByVisibleText("Jeugdreclassering");
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("[role=status]").getText()).contains("Opgeslagen");
        assertThat(browser.heading()).isEqualTo(name);
        String page = browser.driver().getCurrentUrl();
        long id = Long.parseLong(page.replaceAll(".*/beheer/organisaties/(\\d+).*", "$1"));
        browser.check("organisation-edit");

        // A colleague renames it through the API while this page shows the version it read.
        JsonNode read = api.asAdmin().get("/api/v1/organisations/" + id).body();
        assertThat(api.asAdmin().put("/api/v1/organisations/" + id, """
                {"name": "%s Oost", "type": "YOUTH_PROBATION", "version": %d}"""
                .formatted(name, read.get("version").asLong())).status()).isEqualTo(200);
        browser.find("#name").clear();
        browser.find("#name").sendKeys(name + " Zuid");
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("[role=alert]").getText()).contains("Niet opgeslagen", "Iemand anders heeft dit intussen gewijzigd", "Nu vastgelegd: " + name + " Oost");
        browser.check("organisation-conflict");
        assertThat(api.asAdmin().get("/api/v1/organisations/" + id).body().get("name").asText()).isEqualTo(name + " Oost");
        // Sent again knowingly, it replaces the colleague's name.
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("[role=status]").getText()).contains("Opgeslagen");
        assertThat(api.asAdmin().get("/api/v1/organisations/" + id).body().get("name").asText()).isEqualTo(name + " Zuid");
    }

    @Test
    void noOtherRoleGetsTheAdministratorsPages() throws Exception {
        for (String[] user : List.of(new String[] {"jr.gelderland", "officer-demo"},
                new String[] {"planner", "planner-demo"}, new String[] {"intake.hazelaar", "hazelaar-demo"},
                new String[] {"inkoper.apeldoorn", "apeldoorn-demo"})) {
            browser.driver().manage().deleteAllCookies();
            browser.signIn(user[0], user[1]);
            for (String path : PATHS) {
                assertThat(browser.statusOf(path)).as(user[0] + " " + path).isEqualTo(403);
            }
            browser.go("/beheer/audit");
            assertThat(browser.heading()).isEqualTo("Geen toegang");
            assertThat(browser.find("main").getText()).doesNotContain("jr.gelderland");
            long users = jdbc.queryForObject("select count(*) from user_account", Long.class);
            assertThat(post("/beheer/gebruikers", "username=sneaky." + user[0]
                    + "&displayName=x&password=een-lang-wachtwoord&role=ADMIN&organisationId=20")).as(user[0])
                    .isEqualTo(403);
            assertThat(post("/beheer/organisaties/30", "name=x&type=YOUTH_PROBATION&version=0")).as(user[0])
                    .isEqualTo(403);
            assertThat(jdbc.queryForObject("select count(*) from user_account", Long.class)).isEqualTo(users);
        }
        browser.check("forbidden-admin");
    }

    /** Posts a form from the current page with its session and CSRF token, as the page's own form would. */
    private long post(String path, String body) {
        Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('input[name=_csrf]').value;
                fetch(arguments[0], {method: 'POST', redirect: 'manual',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: arguments[1] + '&_csrf=' + encodeURIComponent(token)}).then(a => done(a.status));
                """, path, body);
        return ((Number) status).longValue();
    }

    private void date(String css, LocalDate date) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", browser.find(css),
                date.toString());
    }
}
