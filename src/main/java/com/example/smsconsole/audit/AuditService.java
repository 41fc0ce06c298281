package com.example.smsconsole.audit;

import com.example.smsconsole.audit.repository.AuditEntryRepository;
import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.security.AppRoles;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Writes and reads the audit log. Writing is open to every caller ({@link AppRoles#ANY_CALLER}):
 * features audit their own actions on behalf of any signed-in role, scheduled jobs audit as
 * {@code system} with no one signed in, and sign-in is audited before anyone is; a write refused for
 * want of a role would hide the change it records. Reading is for admins ({@link AppRoles#ONLY_ADMIN}),
 * as the README's role table says. There is deliberately no
 * method that changes or removes an entry.
 */
@Service
public class AuditService {

    /** Actor recorded for work done by the console itself (scheduled jobs). */
    public static final String SYSTEM_ACTOR = "system";

    private static final int MAX_DETAIL = 4000;
    private static final int MAX_TARGET = 512;

    private final AuditEntryRepository repository;
    private final Clock clock;

    AuditService(AuditEntryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Appends one entry for the current user (or {@value #SYSTEM_ACTOR} outside a request).
     *
     * @return the stored entry, with its id and time
     */
    @PreAuthorize(AppRoles.ANY_CALLER)
    public AuditEntry record(String action, @Nullable String target, AuditOutcome outcome,
            @Nullable String awsRequestId, @Nullable String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null || !auth.isAuthenticated() ? SYSTEM_ACTOR : auth.getName();
        String role = auth == null ? SYSTEM_ACTOR : roles(auth);
        var entry = new AuditEntry(0, clock.instant(), actor, role.isEmpty() ? "-" : role, action,
                shorten(target, MAX_TARGET), outcome, awsRequestId, shorten(detail, MAX_DETAIL));
        return repository.append(entry);
    }

    @PreAuthorize(AppRoles.ANY_CALLER)
    public AuditEntry success(String action, @Nullable String target, @Nullable String awsRequestId, @Nullable String detail) {
        return record(action, target, AuditOutcome.SUCCESS, awsRequestId, detail);
    }

    @PreAuthorize(AppRoles.ANY_CALLER)
    public AuditEntry failure(String action, @Nullable String target, @Nullable String awsRequestId, @Nullable String detail) {
        return record(action, target, AuditOutcome.FAILURE, awsRequestId, detail);
    }

    @PreAuthorize(AppRoles.ANY_CALLER)
    public AuditEntry refused(String action, @Nullable String target, @Nullable String detail) {
        return record(action, target, AuditOutcome.REFUSED, null, detail);
    }

    /**
     * Runs one AWS call that changes state and audits it either way: a success with the response's
     * request id and a detail, a failure with the AWS error code, reason and request id and the
     * message the user is shown; outcome unknown when AWS gave no answer and may have carried it out.
     *
     * @param explain turns the failure into the one thrown, for a message that fits the feature
     * @throws AwsCallException the explained failure
     */
    @PreAuthorize(AppRoles.ANY_CALLER)
    public <T> T awsChange(String action, @Nullable String target, Supplier<T> call, Function<T, @Nullable String> requestId,
            Function<T, @Nullable String> detail, UnaryOperator<AwsCallException> explain) {
        T result;
        try {
            result = call.get();
        } catch (AwsCallException e) {
            AwsCallException explained = explain.apply(e);
            // no answer (time-out, lost connection, 5xx): AWS may have carried it out (docs/decisions/015-20261202-no-blind-retries.md)
            boolean unknown = e.mayHaveBeenCarriedOut();
            record(action, target, unknown ? AuditOutcome.UNKNOWN : AuditOutcome.FAILURE, e.requestId(),
                    (unknown ? "outcome unknown, " : "") + e.supportLine() + ": " + explained.userMessage());
            throw explained;
        }
        success(action, target, requestId.apply(result), detail.apply(result));
        return result;
    }

    /** Newest first. */
    @PreAuthorize(AppRoles.ONLY_ADMIN)
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        return repository.find(filter, offset, limit);
    }

    @PreAuthorize(AppRoles.ONLY_ADMIN)
    public long count(AuditFilter filter) {
        return repository.count(filter);
    }

    /** The distinct action names seen so far, for the filter's choices. */
    @PreAuthorize(AppRoles.ONLY_ADMIN)
    public List<String> actions() {
        return repository.distinctActions();
    }

    private static String roles(Authentication auth) {
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .sorted()
                .collect(Collectors.joining(","));
    }

    private static @Nullable String shorten(@Nullable String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "…";
    }
}
