package com.example.smsconsole.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Headless Chromium for the end-to-end tests: the machine's own Chromium (Debian package
 * {@code chromium}, or {@code CHROMIUM_PATH}), driven by Playwright, started once per JVM. Playwright
 * never downloads a browser here.
 */
public final class Chromium {

    private static Playwright playwright;
    private static Browser browser;

    private Chromium() {
    }

    public static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable())
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /** A fresh browser context (own cookies) with a desktop-sized viewport. */
    public static BrowserContext newContext() {
        return browser().newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
    }

    /** Signs in through the login form and waits until the console has left the login page. */
    public static void login(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(username);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(30_000));
        page.locator("vaadin-app-layout").waitFor();
    }

    /** Saves a full-page screenshot under {@code target/screenshots/}. */
    public static Path screenshot(Page page, String name) {
        Path path = Paths.get("target", "screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(path).setFullPage(true));
        return path;
    }

    private static Path executable() {
        String configured = System.getenv("CHROMIUM_PATH");
        Stream<String> candidates = configured != null ? Stream.of(configured)
                : Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        return candidates.map(Paths::get).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "The end-to-end tests need Chromium: install Debian's 'chromium' package or set CHROMIUM_PATH."));
    }
}
