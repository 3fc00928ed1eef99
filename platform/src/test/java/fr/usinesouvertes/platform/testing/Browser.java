package fr.usinesouvertes.platform.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class, driven by Selenium through Debian's {@code chromedriver}
 * (never a downloaded one). Register it as a static field with {@code @RegisterExtension}, after the
 * {@link PlatformExtension} it browses.
 *
 * <p>Needs the Debian packages {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs
 * them); without them the test class fails at once with a message naming them. The paths can be
 * changed with the system properties {@code chrome.binary} and {@code webdriver.chrome.driver}.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

    private static final String CHROMIUM = System.getProperty("chrome.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

    private Path profile;
    private ChromeDriverService service;
    private ChromeDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        requireExecutable(CHROMIUM);
        requireExecutable(CHROMEDRIVER);
        // Selenium Manager looks for this property first; with it set, nothing is ever downloaded.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            PlatformExtension.deleteRecursively(profile);
        }
    }

    private static void requireExecutable(String path) {
        if (!new File(path).canExecute()) {
            throw new IllegalStateException("Browser tests need Chromium and its driver: " + path + " is missing. "
                    + "Install the Debian packages chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver), or run .ci/run which installs them.");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(15);

    /** The driver, for anything the helpers below do not cover. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Loads {@code uri} and waits for the document to be loaded. */
    public Browser open(URI uri) {
        driver.get(uri.toString());
        return this;
    }

    /** The first element matching {@code cssSelector}, waiting a few seconds for it to appear. */
    public WebElement find(String cssSelector) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
    }

    /**
     * Clicks what {@code cssSelector} names (a submit button, a link) and waits for the next page to be
     * loaded: a click returns before the navigation it starts, so a lookup right after it could still
     * see the old page.
     */
    public Browser clickAndWait(String cssSelector) {
        return clickAndWait(find(cssSelector));
    }

    /** As {@link #clickAndWait(String)}, for an element already found. */
    public Browser clickAndWait(WebElement element) {
        // A mark on the current window object: the next document gets a fresh one without it. (Waiting
        // for the old element to go stale fails in Chromium with "Node ... does not belong to the document".)
        driver.executeScript("window.__beforeClick = true;");
        element.click();
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript(
                        "return window.__beforeClick === undefined && document.readyState === 'complete';")));
        return this;
    }

    public String title() {
        return driver.getTitle();
    }

    /**
     * Logs in to the back office of {@code platform} in a fresh session (the cookies of an earlier one deleted) and
     * waits for the dashboard.
     */
    public Browser logIn(PlatformExtension platform, String login, String password) {
        driver.manage().deleteAllCookies();
        open(platform.uri("/admin/login"));
        submitLogin(login, password);
        waitFor(".apps");
        return this;
    }

    /** Fills and sends the login form the current page shows (the login page, or the one a protected page led to). */
    public Browser submitLogin(String login, String password) {
        find("#login").sendKeys(login);
        find("#password").sendKeys(password);
        return clickAndWait("form.form button[type=submit]");
    }

    /** As {@link #find}, failing with the current address and page source when the element does not come. */
    public WebElement waitFor(String cssSelector) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
        } catch (RuntimeException e) {
            throw new AssertionError("No " + cssSelector + " on " + driver.getCurrentUrl() + ":\n"
                    + driver.getPageSource(), e);
        }
    }

    /** Sets an input's value by script: date inputs take keyboard input in the browser's locale, this is locale-proof. */
    public Browser setValue(WebElement input, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", input, value);
        return this;
    }

    /** Saves a screenshot of the window as {@code target/screenshots/<name>.png}. */
    public Browser screenshot(String name) throws IOException {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        return this;
    }

    /** Runs axe-core on the current page and fails listing every violation found. */
    public Browser assertAccessible() {
        Axe.assertNoViolations(driver);
        return this;
    }
}
