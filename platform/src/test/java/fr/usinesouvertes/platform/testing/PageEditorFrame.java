package fr.usinesouvertes.platform.testing;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The back office's page editor in a {@link Browser}: work inside its frame once the bars are drawn, and actions. */
public final class PageEditorFrame {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final Browser browser;

    public PageEditorFrame(Browser browser) {
        this.browser = browser;
    }

    /** Runs {@code work} inside the editor's frame, once its bars are drawn; back to the editor's page afterwards. */
    public <T> T inFrame(Supplier<T> work) {
        new WebDriverWait(browser.driver(), WAIT).ignoring(RuntimeException.class).until(d -> {
            d.switchTo().defaultContent();
            d.switchTo().frame("page-editor-frame");
            return !d.findElements(By.cssSelector(".uo-edit-area")).isEmpty();
        });
        try {
            return work.get();
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }

    public void inFrame(Runnable work) {
        inFrame(() -> {
            work.run();
            return null;
        });
    }

    /** The texts of {@code css} in the frame's page. */
    public List<String> texts(String css) {
        return inFrame(() -> browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList());
    }

    /** Clicks what {@code css} names in the frame (a bar's button) and waits for the page the action leads to. */
    public void click(String css) {
        inFrame(() -> browser.find(css).click());
        awaitNextPage();
    }

    /** Waits for the editor again, or the dialog an action opened, to be loaded. */
    public void awaitNextPage() {
        new WebDriverWait(browser.driver(), WAIT).ignoring(RuntimeException.class).until(d ->
                "complete".equals(browser.driver().executeScript("return document.readyState"))
                        && !d.findElements(By.cssSelector("#page-editor-frame, form.generated-form")).isEmpty());
    }
}
