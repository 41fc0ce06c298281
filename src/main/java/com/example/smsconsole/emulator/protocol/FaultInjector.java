package com.example.smsconsole.emulator.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Injected failures for tests: throttling, server errors, access denied, or added latency, for
 * one operation or all ({@code *}), optionally only for requests that contain a given text (a log
 * group name, a phone number), a number of times or until cleared. Settable from Java and over the
 * emulator's control endpoint ({@code POST /_emulator/faults}).
 */
public final class FaultInjector {

    /** What to inject. */
    public enum Kind {
        THROTTLE, SERVER_ERROR, ACCESS_DENIED, LATENCY
    }

    /**
     * One rule.
     *
     * @param service {@code sms-voice}, {@code logs} or {@code *}
     * @param operation the operation name or {@code *}
     * @param times how many calls it hits; 0 means until cleared
     * @param latencyMillis added delay for {@link Kind#LATENCY}
     * @param after matching calls that pass before the rule starts hitting
     * @param requestContains when set, only requests whose JSON body contains this text match
     */
    public record Rule(String service, String operation, Kind kind, int times, long latencyMillis, int after, @Nullable String requestContains) {

        public Rule(String service, String operation, Kind kind, int times, long latencyMillis) {
            this(service, operation, kind, times, latencyMillis, 0, null);
        }

        boolean matches(String svc, String op, String body) {
            return ("*".equals(service) || service.equals(svc)) && ("*".equals(operation) || operation.equals(op))
                    && (requestContains == null || body.contains(requestContains));
        }
    }

    private record Active(Rule rule, AtomicInteger remaining, AtomicInteger passed) {
    }

    private final List<Active> rules = new CopyOnWriteArrayList<>();
    private final String accountId;

    public FaultInjector(String accountId) {
        this.accountId = accountId;
    }

    public void add(Rule rule) {
        rules.add(new Active(rule, new AtomicInteger(rule.times() <= 0 ? Integer.MAX_VALUE : rule.times()), new AtomicInteger()));
    }

    public void clear() {
        rules.clear();
    }

    public List<Rule> rules() {
        List<Rule> out = new ArrayList<>();
        rules.forEach(a -> out.add(a.rule()));
        return out;
    }

    /** Applies the first matching rule: sleeps for latency, or throws the injected fault. */
    public void apply(String service, String operation, String body, String requestId) {
        for (Active active : rules) {
            if (!active.rule().matches(service, operation, body)) {
                continue;
            }
            if (active.passed().getAndIncrement() < active.rule().after()) {
                continue;
            }
            if (active.remaining().getAndDecrement() <= 0) {
                rules.remove(active);
                continue;
            }
            AwsFault fault = fault(active.rule(), service, operation, requestId);
            if (fault != null) {
                throw fault;
            }
            return;
        }
    }

    private @Nullable AwsFault fault(Rule rule, String service, String operation, String requestId) {
        return switch (rule.kind()) {
            case THROTTLE -> new AwsFault("ThrottlingException", 400, "Rate exceeded", Map.of());
            case SERVER_ERROR -> "logs".equals(service)
                    ? AwsFault.logsUnavailable("The service is unavailable. Please try again later.")
                    : AwsFault.internal("Internal service failure.", requestId);
            case ACCESS_DENIED -> new AwsFault("AccessDeniedException", 400, "User: arn:aws:iam::" + accountId
                    + ":user/local is not authorized to perform: " + service + ":" + operation
                    + " because no identity-based policy allows the " + service + ":" + operation + " action", Map.of());
            case LATENCY -> {
                try {
                    Thread.sleep(rule.latencyMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield null;
            }
        };
    }
}
