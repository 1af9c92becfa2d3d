package nl.passend.support;

import java.time.LocalDate;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The officer's referral form at {@code /verwijzingen/nieuw}, filled in as a user does, in Dutch: the one place the
 * browser tests fill it in, so that a change of the form is followed in one place.
 */
public final class ReferralForm {

    /** The button that sends the form. */
    public static final String SUBMIT = "form.passend-form button[type=submit]";

    private final Browser browser;

    public ReferralForm(Browser browser) {
        this.browser = browser;
    }

    /**
     * The youth of JOURNEYS.md, "A probation officer needs a place, today": a boy from Zutphen, suspension of
     * pre-trial detention on condition of residential care with treatment (care type 43), at least semi-secure, LVB,
     * not in Deventer, urgency high, from tomorrow for six months (182 days), with the officer's note.
     */
    public void fillInTheZutphenYouth(String pseudonym, LocalDate birthDate) {
        browser.find("#youth\\.pseudonym").sendKeys(pseudonym);
        date("#youth\\.birthDate", birthDate);
        new Select(browser.find("#youth\\.gender")).selectByVisibleText("Man");
        new Select(browser.find("#youth\\.homeMunicipality")).selectByVisibleText("Zutphen");
        new Select(browser.find("#legalFramework")).selectByVisibleText("Schorsing voorlopige hechtenis");
        browser.find("#careType").sendKeys("43");
        new Select(browser.find("#minSecurityLevel")).selectByVisibleText("Besloten");
        browser.find("#requiredSpecialisms").sendKeys("LVB");
        new Select(browser.find("#excludedMunicipalities")).selectByVisibleText("Deventer");
        new Select(browser.find("#urgency")).selectByVisibleText("Hoog");
        date("#requestedStart", LocalDate.now().plusDays(1));
        browser.find("#expectedDurationDays").sendKeys("182");
        browser.find("#contextNote").sendKeys("Verdacht van een gewelddadige beroving in Deventer.");
    }

    /** A date field's value, set as the form sends it; typing would follow the browser's locale. */
    private void date(String css, LocalDate date) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                browser.find(css), date.toString());
    }
}
