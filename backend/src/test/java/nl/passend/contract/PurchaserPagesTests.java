package nl.passend.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.passend.support.Browser;
import nl.passend.support.FreshDatabase;
import nl.passend.support.IntegrationTest;

/**
 * A purchaser in a real browser (JOURNEYS.md, "A purchaser keeps the joint contract"): Apeldoorn's purchaser adds
 * Hattem to the joint contract 2026-MIJ-002 with Kroonbeek; an edit on a version a colleague changed meanwhile is
 * refused and shows what changed; a second contract of the provider for the same care and municipality is refused
 * naming the first; the usage chart shows places and euros against ceiling and budget, with the split per
 * municipality only for a party. Doetinchem's purchaser consents to a participation. Every page passes axe-core and
 * is kept as a screenshot; other roles get none of these pages, and another municipality's contract is not kept.
 *
 * <p>On a database of its own: the journey needs the demo's contracts as they ship (another class may have changed
 * or deleted contract 3), and it changes them.
 */
@IntegrationTest
@Tag(Browser.TAG)
@FreshDatabase(demo = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurchaserPagesTests {

    private static final String HATTEM = "GM0244";
    private static final String DOETINCHEM = "GM0222";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

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
    void aPurchaserAddsHattemToTheJointContractAndAStaleEditShowsWhatChanged() throws Exception {
        browser.signIn("inkoper.apeldoorn", "apeldoorn-demo");
        assertThat(browser.heading()).isEqualTo("Vandaag");
        browser.waitFor("#nearly-spent .passend-nearly");
        browser.waitFor("#awaiting-consent .passend-count");
        browser.check("start-purchaser");

        browser.go("/contracten");
        String list = browser.find("table").getText();
        assertThat(list).contains("2026-MIJ-002", "Kroonbeek Gesloten Jeugdzorg", "43: € 685,00 per dag",
                "€ 2.950.000,00", "1 januari 2026 t/m 31 december 2026");
        // Zwolle's contract: Apeldoorn is no party to it.
        assertThat(list).doesNotContain("2025-IJS-001");
        browser.check("contracts");

        browser.submit("a[href$='/contracten/3']");
        assertThat(browser.heading()).isEqualTo("Contract 2026-MIJ-002");
        assertThat(browser.find("#participations").getText()).contains("Apeldoorn (gastheergemeente)", "Zutphen",
                "Bevestigd").doesNotContain("Hattem");
        browser.check("contract");

        // Hattem added: it takes part once it consents (it has granted Apeldoorn no mandate).
        browser.submit("a[href$='/contracten/3/wijzigen']");
        assertThat(browser.heading()).isEqualTo("Contract 2026-MIJ-002 wijzigen");
        assertThat(browser.find("#budgetCeiling").getAttribute("value")).isEqualTo("2950000,00");
        browser.check("contract-form");
        browser.find("#mun-" + HATTEM).click();
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/contracten/3");
        assertThat(browser.find("[role=status]").getText()).contains("opgeslagen");
        assertThat(browser.find("#participations").getText()).contains("Hattem Wacht op instemming");
        assertThat(state(3, HATTEM)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select count(*) from contract_municipality where contract_id = 3",
                Integer.class)).isEqualTo(9);

        // The purchaser opens the form; meanwhile a colleague raises the volume ceiling to 14 through the API.
        browser.go("/contracten/3/wijzigen");
        colleagueSets(3, "volumeCeiling", 14);
        browser.find("#budgetCeiling").clear();
        browser.find("#budgetCeiling").sendKeys("3.100.000,00");
        assertThat(statusOfSending("form.passend-form")).as("the stale form sent as it stands").isEqualTo(409);
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("[role=alert]").getText())
                .contains("Een collega heeft dit contract intussen gewijzigd");
        String changes = browser.find("#changes").getText();
        assertThat(changes).contains("Volumeplafond 14 12", "Budget € 2.950.000,00 € 3.100.000,00");
        assertThat(changes).doesNotContain("Deelnemende gemeenten");
        // Nothing of the colleague's edit is lost, nothing of the purchaser's saved.
        assertThat(jdbc.queryForObject("select volume_ceiling from contract where id = 3", Integer.class))
                .isEqualTo(14);
        assertThat(jdbc.queryForObject("select budget_ceiling from contract where id = 3", java.math.BigDecimal.class))
                .isEqualByComparingTo("2950000");
        assertThat(browser.find("#budgetCeiling").getAttribute("value")).isEqualTo("3100000,00");
        browser.check("contract-stale");

        // Having seen what changed, the purchaser keeps the colleague's ceiling and saves the budget.
        browser.find("#volumeCeiling").clear();
        browser.find("#volumeCeiling").sendKeys("14");
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("[role=status]").getText()).contains("opgeslagen");
        assertThat(browser.find("main").getText()).contains("14 plaatsingen tegelijk", "€ 3.100.000,00");
    }

    @Test
    void aSecondContractOfTheProviderForTheSameCareAndMunicipalityIsRefusedNamingTheFirst() throws Exception {
        browser.signIn("inkoper.apeldoorn", "apeldoorn-demo");
        // 2025-MIJ-001, Kroonbeek's contract of 2025, stretched into 2026 where 2026-MIJ-002 buys the same care.
        browser.go("/contracten/4/wijzigen");
        date("#validUntil", "2026-06-30");
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("[role=alert]").getText())
                .contains("niet opgeslagen", "Reden: Contract 2026-MIJ-002 (id 3)");
        assertThat(jdbc.queryForObject("select valid_until from contract where id = 4", String.class))
                .isEqualTo("2025-12-31");
        browser.check("contract-overlap");

        // A new contract of Kroonbeek for Apeldoorn's care type 43 in 2026: refused, naming 2026-MIJ-002.
        browser.go("/contracten");
        browser.submit("a[href$='/contracten/nieuw']");
        assertThat(browser.heading()).isEqualTo("Nieuw contract");
        browser.find("#reference").sendKeys("2026-MIJ-009");
        new Select(browser.find("#providerId")).selectByVisibleText("Kroonbeek Gesloten Jeugdzorg");
        new Select(browser.find("#leadMunicipality")).selectByVisibleText("Apeldoorn");
        browser.find("#mun-" + HATTEM).click();
        browser.find("#careTypes0\\.careType").sendKeys("43");
        browser.find("#careTypes0\\.dailyTariff").sendKeys("700,00");
        date("#validFrom", "2026-03-01");
        date("#validUntil", "2026-12-31");
        browser.find("#volumeCeiling").sendKeys("2");
        browser.check("contract-new");
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("[role=alert]").getText())
                .contains("niet opgeslagen", "Reden: Contract 2026-MIJ-002 (id 3)", "koopt zorgtype 43")
                .doesNotContain("already covers");
        assertThat(browser.find("#reference").getAttribute("value")).isEqualTo("2026-MIJ-009");
        assertThat(jdbc.queryForObject("select count(*) from contract where reference = '2026-MIJ-009'",
                Integer.class)).isZero();
        browser.check("contract-new-overlap");

        // For care type 45, which 2026-MIJ-002 does not buy, it is registered; Hattem waits for its consent.
        browser.find("#careTypes0\\.careType").clear();
        browser.find("#careTypes0\\.careType").sendKeys("45");
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.heading()).isEqualTo("Contract 2026-MIJ-009");
        assertThat(browser.find("[role=status]").getText()).contains("opgeslagen");
        assertThat(browser.find("main").getText()).contains("Kroonbeek Gesloten Jeugdzorg", "€ 700,00",
                "1 maart 2026 t/m 31 december 2026", "Hattem Wacht op instemming");

        // Left empty, a field says what is wrong, and names its message.
        browser.go("/contracten/4/wijzigen");
        browser.find("#reference").clear();
        browser.find("#careTypes1\\.dailyTariff").clear();
        browser.find("#careTypes1\\.dailyTariff").sendKeys("veel");
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("#reference").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#" + browser.find("#reference").getAttribute("aria-describedby")).getText())
                .isNotBlank();
        assertThat(browser.find("#careTypes1\\.dailyTariff").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(jdbc.queryForObject("select reference from contract where id = 4", String.class))
                .isEqualTo("2025-MIJ-001");
        browser.check("contract-form-errors");
    }

    @Test
    void theUsageChartShowsPlacesAndEurosAndTheSplitOnlyToAParty() throws Exception {
        browser.signIn("inkoper.apeldoorn", "apeldoorn-demo");
        browser.go("/contracten/1/gebruik");
        assertThat(browser.heading()).isEqualTo("Gebruik van contract 2026-MIJ-001");
        String chart = browser.find("svg[role=img]").getAttribute("aria-labelledby");
        assertThat(chart).isEqualTo("usage-chart-title usage-chart-desc");
        assertThat(browser.find("#usage-chart-desc").getAttribute("textContent"))
                .contains("Plekken in gebruik:", "van 16", "van een budget van € 2.400.000,00");
        assertThat(browser.findAll("svg[role=img] rect")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.find("#usage-figures").getText()).contains("Plekken in gebruik", "16", "€ 2.400.000,00");
        // Epe's stay of 1 February to 1 June at € 298 a day: what Epe settles on, shown to the lead's purchaser.
        assertThat(browser.find("#usage-split").getText()).contains("Epe", "120", "€ 35.760,00");
        assertThat(browser.find("svg[aria-labelledby='usage-split-chart-title usage-split-chart-desc']")
                .findElement(org.openqa.selenium.By.tagName("desc")).getAttribute("textContent"))
                .contains("Epe: € 35.760,00", "van de kosten");
        browser.check("contract-usage");

        browser.signOut();
        browser.signIn("inkoper.doetinchem", "doetinchem-demo");
        browser.go("/contracten/1/gebruik");
        // Doetinchem is no party: totals only, four youths too few to show their sums.
        assertThat(browser.findAll("#usage-split")).isEmpty();
        assertThat(browser.find("#usage-figures").getText()).contains("<5", "niet getoond").doesNotContain("35.760");
        assertThat(browser.find("main").getText()).doesNotContain("Epe");
        browser.check("contract-usage-not-party");

        // Apeldoorn lowers the budget to € 200.000: with € 170.456 committed, the start page shows it nearly spent.
        browser.signOut();
        browser.signIn("inkoper.apeldoorn", "apeldoorn-demo");
        browser.waitForText("#nearly-spent", "Geen contract");
        browser.go("/contracten/1/wijzigen");
        browser.find("#budgetCeiling").clear();
        browser.find("#budgetCeiling").sendKeys("200.000");
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("main").getText()).contains("€ 200.000,00");
        browser.go("/");
        browser.waitForText("#nearly-spent", "2026-MIJ-001");
        assertThat(browser.find("#nearly-spent").getText()).contains("% van het budget vastgelegd");
        browser.check("start-purchaser-nearly-spent");

        // Back as it shipped, for the classes after this one that propose under 2026-MIJ-001 (IntakePagesTests).
        browser.go("/contracten/1/wijzigen");
        browser.find("#budgetCeiling").clear();
        browser.find("#budgetCeiling").sendKeys("2.400.000");
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("main").getText()).contains("€ 2.400.000,00");
    }

    @Test
    void doetinchemConsentsToTakePartInTheJointContract() throws Exception {
        colleagueAdds(3, DOETINCHEM);
        colleagueAdds(1, DOETINCHEM);
        assertThat(state(3, DOETINCHEM)).isEqualTo("PENDING");

        browser.signIn("inkoper.doetinchem", "doetinchem-demo");
        browser.waitForText("#awaiting-consent", "2 contracten wachten op de instemming");
        browser.go("/contracten/instemming");
        assertThat(browser.find("table").getText()).contains("2026-MIJ-002", "Kroonbeek Gesloten Jeugdzorg",
                "Apeldoorn");
        browser.check("consent");
        browser.submit("button[aria-label='Instemmen met contract 2026-MIJ-002']");
        assertThat(browser.find("[role=status]").getText()).contains("neemt nu deel");
        assertThat(browser.find("table").getText()).doesNotContain("2026-MIJ-002");
        assertThat(state(3, DOETINCHEM)).isEqualTo("CONFIRMED");

        browser.submit("button[aria-label='Deelname aan contract 2026-MIJ-001 weigeren']");
        assertThat(browser.find("[role=status]").getText()).contains("geweigerd");
        assertThat(browser.find("main").getText()).contains("Er wacht geen contract");
        assertThat(state(1, DOETINCHEM)).isEqualTo("DECLINED");
        browser.check("consent-done");
        browser.go("/contracten");
        assertThat(browser.find("table").getText()).contains("2026-MIJ-002");
    }

    @Test
    void doetinchemGrantsAndRevokesAMandate() throws Exception {
        browser.signIn("inkoper.doetinchem", "doetinchem-demo");
        browser.go("/mandaten");
        browser.check("mandates");
        // Sent empty, the fields say what is missing.
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("#leadMunicipality").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#validFrom").getAttribute("aria-invalid")).isEqualTo("true");
        browser.check("mandates-errors");

        new Select(browser.find("#leadMunicipality")).selectByVisibleText("Zutphen");
        browser.find("#careTypes").sendKeys("43, 46");
        date("#validFrom", "2027-01-01");
        date("#validUntil", "2027-12-31");
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("[role=status]").getText()).contains("verleend");
        assertThat(browser.find("#mandates").getText())
                .contains("Zutphen 43, 46 1 januari 2027 t/m 31 december 2027 Actief");
        assertThat(jdbc.queryForObject("select count(*) from mandate where granting_municipality_code = ? and "
                + "lead_municipality_code = 'GM0301' and revoked_at is null", Integer.class, DOETINCHEM)).isOne();

        browser.submit("button[aria-label='Mandaat aan Zutphen voor zorgtypen 43, 46 intrekken']");
        assertThat(browser.find("[role=status]").getText()).contains("ingetrokken");
        assertThat(browser.find("#mandates").getText()).contains("Zutphen 43, 46 1 januari 2027 t/m 31 december 2027 "
                + "Ingetrokken op");
        assertThat(jdbc.queryForObject("select count(*) from mandate where granting_municipality_code = ? and "
                + "lead_municipality_code = 'GM0301' and revoked_at is null", Integer.class, DOETINCHEM)).isZero();
        browser.check("mandates-revoked");
    }

    @Test
    void anotherMunicipalitysContractIsNotKept() throws Exception {
        browser.signIn("inkoper.doetinchem", "doetinchem-demo");
        browser.go("/contracten");
        assertThat(browser.find("main").getText()).contains("2026-ACH-001").doesNotContain("2026-MIJ-001");
        // Apeldoorn's contract with Hazelaar, to which Doetinchem is no party: read as the API reads it, not kept.
        assertThat(browser.statusOf("/contracten/1/wijzigen")).isEqualTo(404);
        browser.go("/contracten/1/wijzigen");
        assertThat(browser.heading()).isEqualTo("Niet gevonden");
        browser.check("contract-not-found");
        browser.go("/contracten/1");
        assertThat(browser.findAll("a[href$='/contracten/1/wijzigen']")).isEmpty();
        assertThat(browser.statusOf("/contracten/999999")).isEqualTo(404);

        // In English when asked for, with English notation; Dutch again when asked for.
        browser.go("/contracten/18?lang=en");
        assertThat(browser.find("main").getText()).contains("Lead municipality", "€ 1,650,000.00",
                "1 January 2026 to 31 December 2026", "43", "€ 445.00");
        browser.check("contract-en");
        browser.go("/contracten/18?lang=nl");
        assertThat(browser.find("main").getText()).contains("Gastheergemeente", "€ 1.650.000,00");
        assertThat(browser.statusOf("/contracten/999999/gebruik")).isEqualTo(404);
    }

    @Test
    void otherRolesGetNoneOfThePurchasersPages() throws Exception {
        List<String> paths = List.of("/contracten", "/contracten/nieuw", "/contracten/3", "/contracten/3/wijzigen",
                "/contracten/3/gebruik", "/contracten/instemming", "/contracten/instemming/aantal",
                "/contractgebruik/bijna-vol", "/mandaten");
        for (Map.Entry<String, String> user : Map.of("jr.gelderland", "officer-demo", "planner", "planner-demo",
                "intake.kroonbeek", "kroonbeek-demo", "admin", "admin-demo").entrySet()) {
            browser.driver().manage().deleteAllCookies();
            browser.signIn(user.getKey(), user.getValue());
            for (String path : paths) {
                assertThat(browser.statusOf(path)).as(user.getKey() + " " + path).isEqualTo(403);
            }
            assertThat(sendStatus("/contracten/3", "version=0")).as(user.getKey() + " edit").isEqualTo(403);
            assertThat(sendStatus("/contracten", "reference=X")).as(user.getKey() + " create").isEqualTo(403);
            assertThat(sendStatus("/mandaten", "leadMunicipality=GM0200")).as(user.getKey() + " mandate")
                    .isEqualTo(403);
            assertThat(sendStatus("/contracten/3/instemming", "version=0")).as(user.getKey() + " consent")
                    .isEqualTo(403);
        }
        browser.go("/contracten/3");
        assertThat(browser.heading()).isEqualTo("Geen toegang");
        assertThat(browser.find("main").getText()).doesNotContain("2026-MIJ-002");
    }

    /** A date field's value, set as the form sends it; typing would follow the browser's locale. */
    private void date(String css, String isoDate) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", browser.find(css),
                isoDate);
    }

    /** The participation's state of the municipality in the contract. */
    private String state(long contract, String municipality) {
        return jdbc.queryForObject("select state from contract_municipality where contract_id = ? and "
                + "municipality_code = ?", String.class, contract, municipality);
    }

    /** A colleague of Apeldoorn changes one field of the contract through the API, on its current version. */
    private void colleagueSets(long contract, String field, int value) throws Exception {
        ObjectNode input = current(contract);
        input.put(field, value);
        colleaguePuts(contract, input);
    }

    private void colleagueAdds(long contract, String municipality) throws Exception {
        ObjectNode input = current(contract);
        ((ArrayNode) input.get("participatingMunicipalities")).add(municipality);
        colleaguePuts(contract, input);
    }

    private ObjectNode current(long contract) throws Exception {
        ObjectNode read = (ObjectNode) json.readTree(mvc.perform(get("/api/v1/contracts/" + contract)
                .with(httpBasic("inkoper.apeldoorn", "apeldoorn-demo"))).andReturn().getResponse()
                .getContentAsString());
        ObjectNode input = json.createObjectNode();
        for (String field : List.of("reference", "providerId", "leadMunicipality", "participatingMunicipalities",
                "validFrom", "validUntil", "volumeCeiling", "budgetCeiling", "version")) {
            if (read.hasNonNull(field)) {
                input.set(field, read.get(field));
            }
        }
        input.set("careTypes", read.get("careTypes"));
        return input;
    }

    private void colleaguePuts(long contract, ObjectNode input) throws Exception {
        int status = mvc.perform(put("/api/v1/contracts/" + contract).with(httpBasic("inkoper.apeldoorn",
                "apeldoorn-demo")).contentType(MediaType.APPLICATION_JSON).content(input.toString()))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);
    }

    /** The status the form's POST answers, sent as it stands without leaving the page. */
    private long statusOfSending(String form) {
        return (Long) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.querySelector(arguments[0]);
                fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})
                    .then(answer => done(answer.status));
                """, form);
    }

    /** The status a POST of the body answers in this browser's session, with the page's CSRF token. */
    private long sendStatus(String path, String body) {
        browser.go("/");
        return (Long) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('form[action$="/uitloggen"] input[name="_csrf"]').value;
                fetch(arguments[0], {method: 'POST', redirect: 'manual',
                        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                        body: arguments[1] + '&_csrf=' + encodeURIComponent(token)})
                    .then(answer => done(answer.status));
                """, path, body);
    }
}
