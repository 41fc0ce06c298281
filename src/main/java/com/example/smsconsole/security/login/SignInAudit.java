package com.example.smsconsole.security.login;

import com.example.smsconsole.audit.AuditService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Counts sign-ins for the {@link LoginThrottle}, logs each failure in one line (user, address,
 * counts; never the password) and audits sign-in, sign-out and lock-outs. Single failures are
 * logged, not audited, so a password-guessing run cannot flood the audit log.
 */
@Component
public class SignInAudit implements LogoutHandler {

    static final String SIGN_IN = "SignIn";
    static final String SIGN_OUT = "SignOut";
    static final String LOCK_OUT = "SignInLockout";

    private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

    private final LoginThrottle throttle;
    private final AuditService audit;

    SignInAudit(LoginThrottle throttle, AuditService audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String user = LogText.of(event.getAuthentication().getName());
        String address = address(event.getAuthentication());
        LoginThrottle.Failure failure = throttle.failed(user, address);
        log.warn("Sign-in failed: user={} address={} failures for user={} failures from address={}",
                user, address, failure.userFailures(), failure.addressFailures());
        if (failure.userLockStarted()) {
            log.warn("Sign-in locked: user={} after {} failures (last from address={}) until {}",
                    user, failure.userFailures(), address, failure.lockedUntil());
            audit.refused(LOCK_OUT, "user " + user, "signing in as this user is locked until " + failure.lockedUntil()
                    + " after " + failure.userFailures() + " failed sign-ins; the last one from address " + address);
        }
        if (failure.addressLockStarted()) {
            log.warn("Sign-in locked: address={} after {} failures (last as user={}) until {}",
                    address, failure.addressFailures(), user, failure.lockedUntil());
            audit.refused(LOCK_OUT, "address " + address, "signing in from this address is locked until "
                    + failure.lockedUntil() + " after " + failure.addressFailures() + " failed sign-ins; the last one as user " + user);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        throttle.succeeded(authentication.getName());
        String address = address(authentication);
        log.info("Signed in: user={} address={}", LogText.of(authentication.getName()), address);
        as(authentication, () -> audit.success(SIGN_IN, authentication.getName(), null, "from address " + address));
    }

    /** Runs on sign-out, before the security context is cleared. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return;
        }
        as(authentication, () -> audit.success(SIGN_OUT, authentication.getName(), null, "from address " + request.getRemoteAddr()));
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }

    /** The audit entry names the user who signs in or out as its actor. */
    private static void as(Authentication authentication, Runnable record) {
        SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext previous = strategy.getContext();
        if (previous.getAuthentication() == authentication) {
            record.run();
            return;
        }
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(authentication);
        strategy.setContext(context);
        try {
            record.run();
        } finally {
            strategy.setContext(previous);
        }
    }
}
