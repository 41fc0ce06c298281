package com.example.smsconsole.overview;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditOutcome;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.DeliveryLogService;
import com.example.smsconsole.deliverylog.DeliverySummary;
import com.example.smsconsole.security.AppRoles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The overview's data: numbers and pools, delivery at a glance from the ingested receipts, and the
 * opt-out list of the configured pool (searched; ADMIN adds and removes, audited).
 */
@Service
@PreAuthorize(AppRoles.ANY_ROLE)
public class OverviewService {

    /** A pool of the account. */
    public record PoolRow(String id, String status, @Nullable String messageType, boolean twoWay, @Nullable String optOutList,
            int identities, boolean configured) {
    }

    private final OverviewGateway gateway;
    private final SmsResources resources;
    private final DeliveryLogService deliveryLog;
    private final AuditService audit;
    private final Clock clock;

    OverviewService(OverviewGateway gateway, SmsResources resources, DeliveryLogService deliveryLog, AuditService audit, Clock clock) {
        this.gateway = gateway;
        this.resources = resources;
        this.deliveryLog = deliveryLog;
        this.audit = audit;
        this.clock = clock;
    }

    public List<NumberRow> numbers() {
        return gateway.phoneNumbers();
    }

    public List<PoolRow> pools() {
        return gateway.pools().stream().map(p -> new PoolRow(p.id(), p.status(), p.messageType(), p.twoWay(), p.optOutListName(),
                gateway.poolIdentities(p.id()).size(), p.id().equals(resources.phonePoolId()))).toList();
    }

    /** Messages first seen in the last {@code window}, by outcome, with spend and the top failures. */
    public DeliverySummary delivery(Duration window) {
        Instant now = clock.instant();
        return deliveryLog.summary(now.minus(window), now);
    }

    /** The opt-out list of the configured pool, or null when it has none. */
    public @Nullable String optOutList() {
        return gateway.pool(resources.phonePoolId()).map(OverviewGateway.Pool::optOutListName).orElse(null);
    }

    /**
     * Numbers on the pool's opt-out list, newest first; a full number finds that number, a beginning
     * ({@code +44}) filters the newest {@code max}.
     */
    public List<OptedOut> optedOut(@Nullable String search, int max) {
        String list = optOutList();
        if (list == null) {
            return List.of();
        }
        String query = search == null ? "" : search.strip();
        if (PhoneNumber.tryParse(query).isPresent()) {
            return gateway.optedOutNumbers(list, PhoneNumber.parse(query).e164(), false, 1);
        }
        List<OptedOut> all = gateway.optedOutNumbers(list, null, false, 10_000);
        return all.stream().filter(o -> o.number().startsWith(query)).limit(max).toList();
    }

    /**
     * Puts a number on the opt-out list: AWS then refuses every text to it.
     *
     * @throws PhoneNumber.InvalidPhoneNumberException when it is not a number; nothing is sent
     */
    @PreAuthorize(AppRoles.ONLY_ADMIN)
    public void optOut(String number) {
        String e164 = PhoneNumber.parse(number).e164();
        String list = requireList();
        audit.awsChange("PutOptedOutNumber", e164, () -> gateway.putOptedOut(list, e164), id -> id, id -> "added to opt-out list " + list,
                e -> e);
    }

    /** Removes a number from the opt-out list: texts to it are accepted again. */
    @PreAuthorize(AppRoles.ONLY_ADMIN)
    public void optIn(String number) {
        String e164 = PhoneNumber.parse(number).e164();
        String list = requireList();
        audit.awsChange("DeleteOptedOutNumber", e164, () -> gateway.deleteOptedOut(list, e164), id -> id,
                id -> "removed from opt-out list " + list, e -> e);
    }

    private String requireList() {
        String list = optOutList();
        if (list == null) {
            throw new IllegalStateException("The pool " + resources.phonePoolId() + " uses no opt-out list.");
        }
        return list;
    }
    /** AWS's rule for DeleteOptedOutNumber (API reference): "Each destination phone number can only be deleted once every 30 days." */
    public static final Duration OPT_OUT_REMOVAL_INTERVAL = Duration.ofDays(30);

    /**
     * When this console last removed {@code number} from an opt-out list, from the audit log (its
     * newest successful {@code DeleteOptedOutNumber}); empty when the audit log has none.
     */
    @PreAuthorize(AppRoles.ONLY_ADMIN)
    public Optional<Instant> lastRemoval(String number) {
        String e164 = PhoneNumber.parse(number).e164();
        return audit.find(AuditFilter.empty().withAction("DeleteOptedOutNumber").withOutcome(AuditOutcome.SUCCESS).withText(e164), 0, 50)
                .stream().filter(entry -> e164.equals(entry.target())).map(AuditEntry::occurredAt).findFirst();
    }
}
