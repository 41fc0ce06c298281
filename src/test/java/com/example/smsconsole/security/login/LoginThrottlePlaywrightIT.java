package com.example.smsconsole.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.ConsoleWebTest;
import com.example.smsconsole.support.Screens;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A locked user name in headless Chromium: the sign-in is refused and the page says for how long. */
@ConsoleWebTest
class LoginThrottlePlaywrightIT {

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    LoginThrottleProperties properties;

    @AfterEach
    void forgetTheCounts() {
        throttle.clear();
    }

    @Test
    void a_locked_user_name_is_refused_with_the_time_to_wait() {
        // a name locked by failures from another address (RFC 5737 TEST-NET-1)
        for (int i = 0; i < properties.userLockAfter(); i++) {
            throttle.failed("mallory", "192.0.2.10");
        }
        try (BrowserContext context = Chromium.newContext()) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.locator("vaadin-login-form input[name=username]").fill("mallory");
            page.locator("vaadin-login-form input[name=password]").fill("any-password");
            page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
            page.waitForURL(url -> url.contains("throttled="));
            page.getByText("Too many failed sign-ins").waitFor();
            // the lock's 15 minutes (LoginThrottleProperties' default), said in minutes
            page.getByText("Try again in 15 minutes.", new Page.GetByTextOptions().setExact(false)).waitFor();
            assertThat(page.url()).contains("throttled=");
            Screens.atBothSizes(page, "login-throttled");
        }
    }
}
