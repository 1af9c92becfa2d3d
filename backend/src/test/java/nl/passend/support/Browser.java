package nl.passend.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * The web application in Debian's headless Chromium, driven through Debian's chromedriver: nothing downloads a browser
 * or a driver. Checks each page with axe-core and keeps a screenshot of it under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    /**
     * The tag of the test classes that drive the browser. They test pages, not SQL: {@code -Pmysql} leaves them out,
     * as the API's tests cover the same services on the real server.
     */
    public static final String TAG = "browser";

    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Follows no redirect, so that a refusal is seen as the status it is. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** A fresh browser (its own profile, no cookies) on the application at this port; skipped without chromedriver. */
    public static Browser open(int port) throws IOException {
        Assumptions.assumeTrue(DRIVER.canExecute(), "No /usr/bin/chromedriver: apt-get install chromium chromium-driver");
        Path profile = Files.createTempDirectory("passend-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1400",
                "--user-data-dir=" + profile, "--lang=nl-NL");
        // A Dutch user's browser, which asks for Dutch (Chromium would ask for English here).
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "nl-NL,nl"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile, "http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public String url(String path) {
        return base + path;
    }

    public void go(String path) {
        driver.get(url(path));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the page shows the text, such as a part that htmx loads after the page. */
    public void waitForText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }

    /** Waits until the page holds the element, such as a part that htmx loads after the page. */
    public void waitFor(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    public String heading() {
        return find("h1").getText();
    }

    /**
     * Clicks the button that submits a form and waits for the page that answers: a click returns before the browser
     * has left the page, so what is read next could still be the form.
     */
    public void submit(String buttonCss) {
        driver.executeScript("window.passendLeaving = true");
        find(buttonCss).click();
        // The answering page is a new document, without the mark; asking while the browser navigates may fail.
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.passendLeaving === undefined && document.readyState === 'complete'")));
    }

    /** Signs in with the sign-in form, from wherever the browser is. */
    public void signIn(String username, String password) {
        go("/inloggen");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        submit("form.passend-form button[type=submit]");
    }

    /** Signs out with the header's button and forgets the session cookie. */
    public void signOut() {
        submit("form[action$='/uitloggen'] button");
        driver.manage().deleteAllCookies();
    }

    /** The status the server answers for a GET of the path in this browser's session, which the browser hides. */
    public int statusOf(String path) throws IOException, InterruptedException {
        Cookie session = driver.manage().getCookieNamed("PASSEND_SESSION");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (session != null) {
            request.header("Cookie", session.getName() + "=" + session.getValue());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** What the server answers for a GET of the path in this browser's session: a download the browser would save. */
    public record Download(int status, String contentType, String body) {
    }

    /** A GET of the path in this browser's session, as a link to a file would fetch it. */
    public Download download(String path) throws IOException, InterruptedException {
        Cookie session = driver.manage().getCookieNamed("PASSEND_SESSION");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (session != null) {
            request.header("Cookie", session.getName() + "=" + session.getValue());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /**
     * Waits up to the time given until the page shows the text, such as a part that htmx polls for: an element that
     * htmx replaces while it is read is read again.
     */
    public void waitForText(String css, String text, Duration timeout) {
        new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }

    /**
     * The page as it is now passes axe-core without a serious or critical violation (WCAG 2.1 AA among its rules),
     * and its screenshot is kept under the name.
     */
    public void check(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        Results results = new AxeBuilder().analyze(driver);
        List<String> severe = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .toList();
        assertThat(severe).as("axe-core on " + name + " (" + driver.getCurrentUrl() + ")").isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
