package com.example.smsconsole.security.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in post that comes before its user name's or address's wait is over, without
 * checking the password, and sends the browser back to the login page with the seconds left
 * ({@code /login?throttled=N}). Runs after CSRF protection and before the password check.
 */
public final class LoginAttemptFilter extends OncePerRequestFilter {

    /** Query parameter of the login page: seconds until the next attempt may come. */
    public static final String THROTTLED_PARAMETER = "throttled";

    private static final Logger log = LoggerFactory.getLogger(LoginAttemptFilter.class);

    private final RequestMatcher loginPost;
    private final LoginThrottle throttle;
    private final Clock clock;

    public LoginAttemptFilter(String loginPath, LoginThrottle throttle, Clock clock) {
        this.loginPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath);
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!loginPost.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String username = request.getParameter("username");
        String user = username == null ? "" : username;
        String address = request.getRemoteAddr();
        var refusal = throttle.check(user, address);
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = refusal.get().secondsLeft(clock.instant());
        log.warn("Sign-in refused without a password check: user={} address={} {} for {} s more",
                LogText.of(user), address, refusal.get().locked() ? "locked" : "waiting", seconds);
        response.sendRedirect(request.getContextPath() + "/login?" + THROTTLED_PARAMETER + "=" + seconds);
    }
}
