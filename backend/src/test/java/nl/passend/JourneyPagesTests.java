package nl.passend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;

import nl.passend.support.Browser;
import nl.passend.support.FreshDatabase;
import nl.passend.support.IntegrationTest;
import nl.passend.support.ReferralForm;

/**
 * The journeys "A probation officer needs a place, today" and "A provider's intake answers within days" of
 * JOURNEYS.md end to end, through the pages only, as four users in one browser: the officer refers the Zutphen youth
 * with the form; the intake of Stichting Hazelaar reports a place come free at its semi-secure LVB group De Linde in
 * Apeldoorn; the planner runs matching for the youth region of Zutphen, sees it finish in place and applies it; the
 * intake finds the proposal by what it is shown (never the pseudonym or the note) and accepts it; and the officer
 * reads that the place is taken, and why this place and not one nearer home. Every page passes axe-core and is kept
 * as a screenshot named {@code journey-…}.
 *
 * <p>The demo set as it ships (a database of its own), with one honest step added: De Linde has one place for Passend,
 * and the demo's own Zutphen youth (JR-2026-0101, the same needs, waiting two days longer) rightly wins it from a youth
 * referred today. So before the run the intake reports today's count with one youth fewer placed outside Passend.
 *
 * <p>The explanation's sentences are asserted by the facts in them that hold in any language (municipalities and
 * numbers), not by their words.
 */
@IntegrationTest
@Tag(Browser.TAG)
@FreshDatabase(demo = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyPagesTests {

    private static final String DE_LINDE = "Besloten LVB-groep De Linde";
    /**
     * From home in Zutphen to De Linde, as Passend measures it: as the crow flies from the municipality's centre (the
     * 32 km of JOURNEYS.md is by road).
     */
    private static final String DISTANCE_KM = "18";

    @Value("${local.server.port}")
    int port;

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

    @Test
    void anOfficerRefersAPlannerMatchesTheIntakeAcceptsAndTheOfficerReadsWhy() throws Exception {
        // 1. The officer refers the Zutphen youth the same afternoon.
        browser.go("/");
        browser.check("journey-sign-in");
        browser.signIn("jr.gelderland", "officer-demo");
        browser.waitFor("#open-referrals .passend-rows");
        browser.check("journey-officer-start");
        browser.go("/verwijzingen/nieuw");
        String pseudonym = "JR-ZUT-" + System.nanoTime() % 1_000_000;
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        new ReferralForm(browser).fillInTheZutphenYouth(pseudonym, LocalDate.now().minusYears(16).minusMonths(5));
        browser.check("journey-refer-form");
        browser.submit(ReferralForm.SUBMIT);
        String referralPage = browser.driver().getCurrentUrl();
        assertThat(referralPage).matches(".*/verwijzingen/\\d+");
        long referral = Long.parseLong(referralPage.substring(referralPage.lastIndexOf('/') + 1));
        assertThat(browser.find("main").getText()).contains(pseudonym, "Zutphen", "Wacht op een plek", "43",
                "Besloten", "LVB", "Deventer", "Hoog", dutch(tomorrow), "182");
        browser.waitForText("#explanation", "nog niet gematcht");
        browser.check("journey-referral-referred");
        browser.signOut();

        // 2. The intake of the Apeldoorn provider reports today's capacity: a youth placed at De Linde outside
        // Passend has left, so the group has a second place for Passend.
        browser.signIn("intake.hazelaar", "hazelaar-demo");
        browser.waitFor("#proposals-waiting");
        browser.check("journey-intake-start");
        browser.go("/capaciteit");
        int row = rowOf(DE_LINDE);
        assertThat(browser.find("#free-" + row).getText()).as("the demo's last place at De Linde").isEqualTo("1");
        WebElement external = browser.find("#external-" + row);
        int occupied = Integer.parseInt(external.getAttribute("value"));
        external.clear();
        external.sendKeys(String.valueOf(occupied - 1));
        browser.check("journey-intake-capacity");
        browser.submit("#save-capacity");
        assertThat(browser.find("[role=status]").getText()).contains("opgeslagen");
        assertThat(browser.find("#free-" + rowOf(DE_LINDE)).getText()).isEqualTo("2");
        browser.check("journey-intake-capacity-saved");
        browser.signOut();

        // 3. The planner runs matching for the youth region of Zutphen, sees it finish in place, and applies it.
        browser.signIn("planner", "planner-demo");
        browser.waitFor("#planner-runs .passend-rows");
        browser.check("journey-planner-start");
        browser.go("/matching");
        new Select(browser.find("#youthRegion")).selectByVisibleText("Midden-IJssel/Oost-Veluwe");
        browser.find("#timeLimitSeconds").clear();
        browser.find("#timeLimitSeconds").sendKeys("2");
        browser.check("journey-planner-runs");
        browser.submit("form.passend-form button[type=submit]");
        String runPage = browser.driver().getCurrentUrl();
        assertThat(runPage).matches(".*/matching/\\d+");
        String run = runPage.substring(runPage.lastIndexOf('/') + 1);
        assertThat(browser.find("main").getText()).contains("Jeugdregio Midden-IJssel/Oost-Veluwe");
        // It finishes on the page the planner is on: htmx polls while it runs, no reload is needed.
        ((JavascriptExecutor) browser.driver()).executeScript("window.passendSamePage = true");
        browser.waitForText("#run-status", "Klaar", Duration.ofSeconds(60));
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.passendSamePage"))
                .as("shown done without a reload").isEqualTo(true);
        browser.check("journey-planner-run-done");
        browser.submit("#apply button");
        assertThat(browser.find("#application [role=status]").getText())
                .matches("\\d+ plaatsingen voorgesteld, 0 overgeslagen\\.");
        // The proposal of this youth: its referral's row names the placement.
        String placement = browser.findAll("#application tbody tr").stream()
                .map(tr -> tr.findElements(By.tagName("td")))
                .filter(cells -> cells.get(0).getText().equals(String.valueOf(referral)))
                .map(cells -> cells.get(1).getText())
                .findFirst().orElseThrow(() -> new AssertionError("No proposal for referral " + referral + ": "
                        + browser.find("#application").getText()));
        assertThat(browser.find("#run-applied").getText()).contains("door planner");
        browser.check("journey-planner-run-applied");
        browser.signOut();

        // 4. The intake finds the proposal by what it is shown, opens it and accepts it: the place is taken at once.
        browser.signIn("intake.hazelaar", "hazelaar-demo");
        browser.go("/voorstellen");
        String link = "a[href$='/voorstellen/" + placement + "']";
        List<String> proposal = browser.find(link).findElements(By.xpath("ancestor::tr/td")).stream()
                .map(WebElement::getText).toList();
        // Offer, age, gender, needs, urgency, start: the youth of the referral, as the intake may see it.
        assertThat(proposal.subList(1, 7)).containsExactly(DE_LINDE, "16", "Man", "43, Besloten, LVB", "Hoog",
                dutch(tomorrow));
        assertThat(browser.find("main").getText()).doesNotContain(pseudonym, "beroving");
        browser.check("journey-intake-proposals");
        browser.submit(link);
        assertThat(browser.heading()).isEqualTo("Voorstel " + placement);
        assertThat(browser.find("main").getText()).contains(DE_LINDE, "16", "Man", "Schorsing voorlopige hechtenis",
                "Besloten", "LVB", "182").doesNotContain(pseudonym, "beroving");
        browser.check("journey-intake-proposal");
        browser.submit("#accept");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/plaatsingen/" + placement + "?geaccepteerd");
        assertThat(browser.find("[role=status]").getText()).contains("de plek is genomen");
        assertThat(browser.find("#placement-status").getText()).isEqualTo("Geaccepteerd");
        browser.check("journey-intake-accepted");
        browser.signOut();

        // 5. The officer reads the referral's page: the place is accepted, and why this place, not one nearer home.
        browser.signIn("jr.gelderland", "officer-demo");
        browser.waitFor("#open-referrals .passend-rows");
        assertThat(browser.find("#open-referrals").getText()).doesNotContain(pseudonym);
        browser.go("/verwijzingen/" + referral);
        assertThat(browser.find("main").getText()).contains(pseudonym);
        assertThat(browser.driver().findElement(By.xpath("//dt[normalize-space()='Status']/following-sibling::dd"))
                .getText()).isEqualTo("Geaccepteerd");
        // Its history: proposed by the planner, accepted by the provider's intake.
        assertThat(browser.find("table").getText()).contains("Plek voorgesteld planner",
                "Geaccepteerd intake.hazelaar");
        browser.waitFor("#explanation li");
        // According to the planner's run.
        assertThat(browser.find("#explanation p").getText()).containsPattern("\\b" + run + "\\b");
        // The place: in Apeldoorn, so many km from home in Zutphen; said once, not once as summary and once more.
        List<String> place = texts("#explanation p").stream()
                .filter(p -> p.contains("Apeldoorn") && p.matches("(?s).*\\b" + DISTANCE_KM + "\\b.*")).toList();
        assertThat(place).as(browser.find("#explanation").getText()).hasSize(1);
        assertThat(place.get(0)).contains("Zutphen");
        // Offers that fitted but were not chosen: the secure group in Zutphen itself, at level 3, one above the need.
        List<String> fitted = texts("#explanation ul:nth-of-type(1) li");
        assertThat(fitted).anyMatch(note -> note.contains("Zutphen") && note.matches("(?s).*\\b3\\b.*"));
        // Nearer offers that did not fit: one in Deventer, which is excluded for this youth, and one in Lochem,
        // where no contract covers Zutphen for care type 43.
        List<String> unfit = texts("#explanation ul:nth-of-type(2) li");
        assertThat(unfit).anyMatch(note -> note.contains("Deventer"));
        assertThat(unfit).anyMatch(note -> note.contains("Lochem") && note.contains("Zutphen")
                && note.matches("(?s).*\\b43\\b.*"));
        browser.check("journey-officer-explanation");
    }

    private List<String> texts(String css) {
        return browser.findAll(css).stream().map(WebElement::getText).toList();
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

    private static String dutch(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL")));
    }
}
