package nl.passend.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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

import com.fasterxml.jackson.databind.JsonNode;

import nl.passend.api.model.ContractDto;
import nl.passend.api.model.GenderDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.SecurityLevelDto;
import nl.passend.security.Actor;
import nl.passend.security.Role;
import nl.passend.support.Api;
import nl.passend.support.Browser;
import nl.passend.support.DemoData;
import nl.passend.support.IntegrationTest;

/**
 * A probation officer's aftercare and closing of referrals in a real browser (JOURNEYS.md, "Aftercare is prepared at
 * home"): a placement of the officer's own organisation that ends soon needs a plan; the officer makes it with the
 * neighbourhood team, the community police officer and a school, adds tasks, sees an overdue one on the start page and
 * marks it done; a stale page is refused with 409 on the page. The placements and referrals are the test's own, made
 * through the API, so that the demo set's rows stay as other classes expect them.
 */
@IntegrationTest
@Tag(Browser.TAG)
@DemoData
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AftercarePagesTests {

    /** The demo probation office of jr.gelderland (officer-demo). */
    private static final long GELDERLAND_OOST = 30;
    private static final String PLACEMENTS = "/api/v1/placements";

    @Value("${local.server.port}")
    int port;
    @Autowired
    Api api;

    Browser browser;
    Api officer;
    Api intake;
    OfferDto offer;
    ContractDto contract;

    @BeforeAll
    void openBrowser() throws Exception {
        browser = Browser.open(port);
        officer = api.as(new Actor("jr.gelderland", Role.PROBATION_OFFICER, GELDERLAND_OOST));
        ProviderDto provider = api.createProvider();
        intake = api.asIntakeOf(provider);
        offer = api.createOffer(Api.offer(api.createLocation(provider, "GM0200").getId(), "43",
                SecurityLevelDto.SEMI_SECURE, 5).specialisms(Set.of("LVB")).acceptedGenders(Set.of(GenderDto.MALE)));
        contract = api.createContract(Api.contract(provider.getId(), "GM0200", Set.of("GM0200", "GM0301"), "43",
                LocalDate.now().minusYears(1), LocalDate.now().plusYears(1)));
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
    void anOfficerPreparesTheReturnHomeWithPartnersAndTasks() throws Exception {
        long referral = refer();
        // Care started 160 days ago for the expected 182: it ends in 22 days, within the six weeks of the journey.
        long placement = startedPlacement(referral, LocalDate.now().minusDays(160));
        browser.signIn("jr.gelderland", "officer-demo");

        browser.go("/nazorg");
        assertThat(browser.heading()).isEqualTo("Nazorg");
        String due = browser.find("main table").getText();
        assertThat(due).contains("Nazorgplan maken voor plaatsing " + placement, offer.getName(),
                format(LocalDate.now().plusDays(22)));
        browser.check("aftercare");

        browser.find("a[href$='/nazorg/" + placement + "']").click();
        browser.waitForText("h1", "Nazorgplan van plaatsing " + placement);
        assertThat(browser.find("main").getText()).contains("nog geen nazorgplan", offer.getName());
        browser.check("aftercare-plan-new");

        // Sent without a contact, the field says so and names its message.
        new Select(browser.find("#returnMunicipality")).selectByVisibleText("Zutphen");
        new Select(browser.find("#partner\\.kind")).selectByVisibleText("Wijkteam");
        browser.find("#partner\\.organisationName").sendKeys("Sociaal Team Zutphen");
        browser.submit("form.passend-form button[type=submit]");
        assertThat(browser.find("#partner\\.contactName").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#partner\\.contactName-error").getText()).isEqualTo("Vul dit in.");
        assertThat(browser.find("#partner\\.contactName").getAttribute("aria-describedby"))
                .isEqualTo("partner.contactName-error");
        browser.check("aftercare-plan-errors");
        browser.find("#partner\\.contactName").sendKeys("Anna Visser");
        browser.find("#partner\\.contactPhone").sendKeys("0575 123 456");
        browser.submit("form.passend-form button[type=submit]");

        assertThat(browser.find("#partners").getText()).contains("Wijkteam", "Sociaal Team Zutphen", "Anna Visser",
                "0575 123 456");
        assertThat(browser.find("main").getText()).contains("Terug naar gemeente", "Zutphen");
        addPartner("Wijkagent (politie)", "Politie Oost-Nederland", "Wijkagent Dirk Jansen");
        addPartner("School of werk", "Baudartius College", "Mentor Els de Boer");
        assertThat(browser.find("#partners").getText()).contains("Politie Oost-Nederland", "Wijkagent Dirk Jansen",
                "Baudartius College", "Mentor Els de Boer");

        addTask("Woonruimte regelen", "Wonen", LocalDate.now().plusDays(14));
        addTask("Schoolplek regelen", "School of werk", LocalDate.now().minusDays(3));
        assertThat(browser.find("#tasks").getText()).contains("Woonruimte regelen", "Schoolplek regelen",
                format(LocalDate.now().minusDays(3)));
        browser.check("aftercare-plan");

        // The placement has its plan now: no longer listed as needing one; the school task is overdue.
        browser.go("/nazorg");
        assertThat(browser.find("main").getText()).doesNotContain("Nazorgplan maken voor plaatsing " + placement);
        assertThat(browser.find(".passend-overdue").getText()).contains("Schoolplek regelen", "School of werk", "3");
        browser.go("/");
        browser.waitForText("#overdue-tasks", "Schoolplek regelen");
        browser.check("start-officer-overdue");

        browser.go("/nazorg/" + placement);
        String housing = "button[aria-label='Gedaan: Woonruimte regelen']";
        String staleAction = (String) script("return arguments[0].form.getAttribute('action')", browser.find(housing));
        browser.submit("button[aria-label='Gedaan: Schoolplek regelen']");
        // The page as it was before that save (its task and version) is refused on the page; nothing changes.
        script("arguments[0].form.setAttribute('action', arguments[1]); arguments[0].form.version.value = "
                + "arguments[0].form.version.value - 1", browser.find(housing), staleAction);
        browser.submit(housing);
        assertThat(browser.find("[role=alert]").getText()).contains("Niet opgeslagen");
        assertThat(browser.findAll("button[aria-label='Gedaan: Woonruimte regelen']")).hasSize(1);
        assertThat(browser.find("#tasks").getText()).contains("Gedaan");
        assertThat(browser.findAll("button[aria-label='Gedaan: Schoolplek regelen']")).isEmpty();
        assertThat(browser.findAll("button[aria-label='Gedaan: Woonruimte regelen']")).hasSize(1);
        browser.go("/nazorg");
        assertThat(browser.find(".passend-overdue").getText()).doesNotContain("Schoolplek regelen");
        // In English when asked for, dates too.
        browser.go("/nazorg/" + placement + "?lang=en");
        assertThat(browser.heading()).isEqualTo("Aftercare plan of placement " + placement);
        assertThat(browser.find("#tasks").getText()).contains("Housing",
                LocalDate.now().plusDays(14).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                        java.util.Locale.ENGLISH)));
        browser.go("/nazorg?lang=nl");
        JsonNode plan = officer.get(PLACEMENTS + "/" + placement + "/aftercare-plan").body();
        assertThat(plan.findValuesAsText("contactName")).containsExactly("Anna Visser", "Wijkagent Dirk Jansen",
                "Mentor Els de Boer");
        assertThat(plan.findValuesAsText("status")).containsExactly("DONE", "OPEN");
    }

    @Test
    void aChangeOnAStalePageIsRefusedOnThePageAndOverwritesNothing() throws Exception {
        long placement = startedPlacement(refer(), LocalDate.now().minusDays(170));
        browser.signIn("jr.gelderland", "officer-demo");
        browser.go("/nazorg/" + placement);
        new Select(browser.find("#returnMunicipality")).selectByVisibleText("Zutphen");
        new Select(browser.find("#partner\\.kind")).selectByVisibleText("Wijkteam");
        browser.find("#partner\\.organisationName").sendKeys("Sociaal Team Zutphen");
        browser.find("#partner\\.contactName").sendKeys("Anna Visser");
        browser.submit("form.passend-form button[type=submit]");

        // A colleague saves the plan (through the API) while this page still shows version 0.
        JsonNode read = officer.get(PLACEMENTS + "/" + placement + "/aftercare-plan").body();
        assertThat(officer.put(PLACEMENTS + "/" + placement + "/aftercare-plan", """
                {"returnMunicipality": "GM0301", "version": %d,
                 "partners": [{"kind": "NEIGHBOURHOOD_TEAM", "organisationName": "Sociaal Team Zutphen",
                               "contactName": "Anna Visser"},
                              {"kind": "HOUSING", "organisationName": "Woonstichting De Huismeesters",
                               "contactName": "Karin Mulder"}],
                 "tasks": []}""".formatted(read.get("version").asLong())).status()).isEqualTo(200);

        new Select(browser.find("#kind")).selectByVisibleText("Wijkagent (politie)");
        browser.find("#organisationName").sendKeys("Politie Oost-Nederland");
        browser.find("#contactName").sendKeys("Wijkagent Dirk Jansen");
        browser.submit("#add-partner button[type=submit]");
        assertThat(browser.find("[role=alert]").getText()).contains("Niet opgeslagen");
        // The plan as it is now, with the colleague's partner; the officer's typing is kept to send again.
        assertThat(browser.find("#partners").getText()).contains("Karin Mulder").doesNotContain("Dirk Jansen");
        assertThat(browser.find("#contactName").getAttribute("value")).isEqualTo("Wijkagent Dirk Jansen");
        browser.check("aftercare-plan-conflict");
        assertThat(officer.get(PLACEMENTS + "/" + placement + "/aftercare-plan").body()
                .findValuesAsText("contactName")).containsExactly("Anna Visser", "Karin Mulder");
    }

    @Test
    void anOfficerWithdrawsAReferralWithAReason() throws Exception {
        long referral = refer();
        browser.signIn("jr.gelderland", "officer-demo");
        browser.go("/verwijzingen/" + referral);
        browser.check("referral-closable");

        browser.submit("#withdraw");
        assertThat(browser.find("#reason").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#reason-error").getText()).isEqualTo("Vul dit in.");
        assertThat(browser.find("#reason").getAttribute("aria-describedby")).isEqualTo("reason-hint reason-error");
        browser.check("referral-closing-errors");

        browser.find("#reason").sendKeys("Verhuisd naar zijn tante in Lochem");
        browser.submit("#withdraw");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/verwijzingen/" + referral);
        assertThat(browser.find("main").getText()).contains("Ingetrokken", "Verhuisd naar zijn tante in Lochem");
        assertThat(browser.findAll("#closing")).as("a closed referral cannot be closed again").isEmpty();
        assertThat(officer.get("/api/v1/referrals/" + referral).body().get("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void closingAReferralThatChangedMeanwhileIsRefusedOnThePage() throws Exception {
        long referral = refer();
        browser.signIn("jr.gelderland", "officer-demo");
        browser.go("/verwijzingen/" + referral);
        // Meanwhile a colleague cancels it through the API.
        assertThat(officer.post("/api/v1/referrals/" + referral + "/cancellation",
                "{\"reason\": \"Nieuwe beslissing van de rechter\", \"version\": 0}").status()).isEqualTo(200);

        browser.find("#reason").sendKeys("Niet meer nodig");
        browser.submit("#withdraw");
        assertThat(browser.find("#closing-conflict").getText()).contains("Niet gelukt");
        assertThat(browser.find("main").getText()).contains("Geannuleerd", "Nieuwe beslissing van de rechter")
                .doesNotContain("Niet meer nodig");
        browser.check("referral-closing-conflict");
        assertThat(officer.get("/api/v1/referrals/" + referral).body().get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void anotherOrganisationsPlacementAndPlanAreNotFound() throws Exception {
        long placement = startedPlacement(refer(), LocalDate.now().minusDays(165));
        long referral = officer.get(PLACEMENTS + "/" + placement).body().get("referralId").asLong();
        browser.signIn("raad.oost", "raad-demo");
        for (String path : List.of("/nazorg/" + placement, "/nazorg/3", "/verwijzingen/" + referral)) {
            assertThat(browser.statusOf(path)).as(path).isEqualTo(404);
        }
        browser.go("/nazorg/3");
        assertThat(browser.heading()).isEqualTo("Niet gevonden");
        assertThat(browser.find("main").getText()).doesNotContain("Sociaal Team Brummen");
        browser.go("/nazorg");
        assertThat(browser.find("main").getText()).doesNotContain("plaatsing " + placement)
                .doesNotContain("Arrange a school place");
        browser.check("aftercare-other-organisation");
        // Nor may it change them: the form's post is refused as not found too.
        browser.go("/nazorg");
        assertThat(post("/nazorg/" + placement + "/taken", "description=x&responsible=POLICE&dueDate=2026-12-01&version=0"))
                .isEqualTo(404);
        assertThat(post("/verwijzingen/" + referral + "/intrekken", "reason=x&version=0")).isEqualTo(404);
        assertThat(officer.get("/api/v1/referrals/" + referral).body().get("status").asText()).isEqualTo("IN_CARE");
    }

    @Test
    void otherRolesGetNoneOfTheOfficersAftercarePages() throws Exception {
        for (String[] user : List.of(new String[] {"planner", "planner-demo"},
                new String[] {"admin", "admin-demo"}, new String[] {"intake.hazelaar", "hazelaar-demo"},
                new String[] {"inkoper.apeldoorn", "apeldoorn-demo"})) {
            browser.driver().manage().deleteAllCookies();
            browser.signIn(user[0], user[1]);
            for (String path : List.of("/nazorg", "/nazorg/achterstallig", "/nazorg/3")) {
                assertThat(browser.statusOf(path)).as(user[0] + " " + path).isEqualTo(403);
            }
            browser.go("/nazorg");
            assertThat(post("/nazorg/3/taken", "description=x&responsible=POLICE&dueDate=2026-12-01&version=0"))
                    .as(user[0]).isEqualTo(403);
            assertThat(post("/verwijzingen/1/intrekken", "reason=x&version=0")).as(user[0]).isEqualTo(403);
            assertThat(browser.find("main").getText()).doesNotContain("Sociaal Team Brummen");
        }
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

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    private void addPartner(String kind, String organisation, String contact) {
        new Select(browser.find("#kind")).selectByVisibleText(kind);
        browser.find("#organisationName").sendKeys(organisation);
        browser.find("#contactName").sendKeys(contact);
        browser.submit("#add-partner button[type=submit]");
    }

    private void addTask(String description, String responsible, LocalDate due) {
        browser.find("#description").sendKeys(description);
        new Select(browser.find("#responsible")).selectByVisibleText(responsible);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                browser.find("#dueDate"), due.toString());
        browser.submit("#add-task button[type=submit]");
    }

    private long refer() {
        Api.Response referred = officer.post("/api/v1/referrals", Api.referral("JR-NZ-" + System.nanoTime() % 1_000_000));
        assertThat(referred.status()).as(referred.body().toString()).isEqualTo(201);
        return referred.body().get("id").asLong();
    }

    /** Proposed by a planner, accepted and started by the offer's intake on the day given. */
    private long startedPlacement(long referral, LocalDate startedOn) {
        Api.Response proposed = api.asPlanner().post(PLACEMENTS, "{\"referralId\": " + referral + ", \"offerId\": "
                + offer.getId() + ", \"contractId\": " + contract.getId() + "}");
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(201);
        long placement = proposed.body().get("id").asLong();
        Api.Response accepted = intake.post(PLACEMENTS + "/" + placement + "/acceptance", "{\"version\": 0}");
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
        Api.Response started = intake.post(PLACEMENTS + "/" + placement + "/start", "{\"startedOn\": \"" + startedOn
                + "\", \"version\": " + accepted.body().get("version").asLong() + "}");
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        return placement;
    }

    private static String format(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("nl-NL")));
    }
}
