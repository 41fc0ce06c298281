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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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
 * as the README's role table says. There is deliberately no method that changes or removes an
 * entry. An AWS change is written twice: an {@link AuditOutcome#ATTEMPTED} entry before the call
 * and an entry with the outcome after it, so a crash in between leaves an entry that says "outcome
 * unknown" rather than nothing. Every entry is chained to the one before it by a SHA-256 hash;
 * {@link #verifyChain()} checks the chain. See docs/decisions/005-20261202-audit-design.md.
 */
@Service
public class AuditService {

    /** Actor recorded for work done by the console itself (scheduled jobs). */
    public static final String SYSTEM_ACTOR = "system";

    private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);
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
        return append(action, target, outcome, awsRequestId, detail, null);
    }

    private AuditEntry append(String action, @Nullable String target, AuditOutcome outcome, @Nullable String awsRequestId,
            @Nullable String detail, @Nullable Long attemptId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null || !auth.isAuthenticated() ? SYSTEM_ACTOR : auth.getName();
        String role = auth == null ? SYSTEM_ACTOR : roles(auth);
        var entry = new AuditEntry(0, clock.instant(), cleanText(actor), role.isEmpty() ? "-" : cleanText(role), cleanText(action),
                shorten(clean(target), MAX_TARGET), outcome, clean(awsRequestId), shorten(clean(detail), MAX_DETAIL), attemptId);
        return repository.append(entry);
    }

    /**
     * Writes the entry that an AWS change is about to be made, before the call. Complete it with
     * {@link #complete} once the call has ended; until then (and for ever, if the console stops
     * in between) the log shows it as "outcome unknown".
     */
    @PreAuthorize(AppRoles.ANY_CALLER)
    public AuditEntry attempt(String action, @Nullable String target, @Nullable String detail) {
        return append(action, target, AuditOutcome.ATTEMPTED, null, detail, null);
    }

    /**
     * Writes how an attempted change ended; it points back at the attempt.
     *
     * @param outcome {@link AuditOutcome#SUCCESS}, {@link AuditOutcome#FAILURE} or {@link AuditOutcome#UNKNOWN}
     */
    @PreAuthorize(AppRoles.ANY_CALLER)
    public AuditEntry complete(AuditEntry attempt, AuditOutcome outcome, @Nullable String awsRequestId, @Nullable String detail) {
        if (attempt.outcome() != AuditOutcome.ATTEMPTED || outcome == AuditOutcome.ATTEMPTED) {
            throw new IllegalArgumentException("Only an attempt is completed, and with an outcome");
        }
        return append(attempt.action(), attempt.target(), outcome, awsRequestId, detail, attempt.id());
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
     * Runs one AWS call that changes state and audits it before and after: an attempt before the
     * call, then a success with the response's request id and a detail, a failure with the AWS
     * error code, reason and request id and the message the user is shown, or, when AWS did not
     * answer (a time-out, a broken connection, any other exception), an unknown outcome.
     *
     * @param explain turns the failure into the one thrown, for a message that fits the feature
     * @throws AwsCallException the explained failure
     */
    @PreAuthorize(AppRoles.ANY_CALLER)
    public <T> T awsChange(String action, @Nullable String target, Supplier<T> call, Function<T, @Nullable String> requestId,
            Function<T, @Nullable String> detail, UnaryOperator<AwsCallException> explain) {
        AuditEntry attempt = attempt(action, target, null);
        T result;
        try {
            result = call.get();
        } catch (AwsCallException e) {
            AwsCallException explained = explain.apply(e);
            // no answer (time-out, lost connection, 5xx): AWS may have carried it out (docs/decisions/015-20261202-no-blind-retries.md)
            boolean unknown = e.mayHaveBeenCarriedOut();
            complete(attempt, unknown ? AuditOutcome.UNKNOWN : AuditOutcome.FAILURE, e.requestId(),
                    (unknown ? "outcome unknown: no answer from AWS, it may or may not have carried this out. " : "")
                            + e.supportLine() + ": " + explained.userMessage());
            throw explained;
        } catch (RuntimeException | Error e) {
            complete(attempt, AuditOutcome.UNKNOWN, null, "The call ended without an answer from AWS (" + e.getClass().getSimpleName()
                    + "): it may or may not have carried this out.");
            throw e;
        }
        complete(attempt, AuditOutcome.SUCCESS, requestId.apply(result), detail.apply(result));
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

    /** Checks the hash chain of the whole log; names the first entry where it breaks. */
    @PreAuthorize(AppRoles.ONLY_ADMIN)
    public ChainReport verifyChain() {
        return repository.verifyChain();
    }

    /** Indexes the words of entries written before the word index existed, once the console has started. */
    @EventListener(ApplicationReadyEvent.class)
    void indexOlderEntries() {
        if (repository.connectedRoleMayRewrite()) {
            LOG.warn("The console's database user owns audit_entry or may change it, so it could rewrite the audit log: connect as a "
                    + "member of sms_console_app and run migrations as the owning role (spring.flyway.user); see "
                    + "docs/decisions/005-20261202-audit-design.md");
        }
        int indexed = repository.indexEntriesWithoutWords();
        if (indexed > 0) {
            LOG.info("Indexed the words of {} older audit entries for the search", indexed);
        }
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

    /** PostgreSQL refuses the NUL character in text; it is kept visible as U+FFFD. */
    private static @Nullable String clean(@Nullable String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
    }

    private static String cleanText(String value) {
        return value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
    }

    private static @Nullable String shorten(@Nullable String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "…";
    }
}
