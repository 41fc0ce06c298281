package com.example.smsconsole.sending;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditOutcome;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.common.SimulatorNumbers;
import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.common.SmsText;
import com.example.smsconsole.deliverylog.DeliveryEvent;
import com.example.smsconsole.deliverylog.DeliveryLogService;
import com.example.smsconsole.deliverylog.DeliveryMessage;
import com.example.smsconsole.security.AppRoles;
import com.example.smsconsole.sending.repository.TestSendStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Test texts: the number's state, a preview of encoding, parts and cost, the scenarios, sending
 * with a per-user rate limit, every send audited and kept in the user's history, and the delivery
 * receipts of a sent message from the delivery history.
 */
@Service
@PreAuthorize(AppRoles.QA_OR_ADMIN)
public class TestSendService {

    public static final List<String> MESSAGE_TYPES = List.of("TRANSACTIONAL", "PROMOTIONAL");

    /** Input that cannot be sent, with the field it belongs to. */
    public static final class InvalidSendException extends IllegalArgumentException {
        private final String field;

        public InvalidSendException(String field, String message) {
            super(message);
            this.field = field;
        }

        /** {@code destination}, {@code body}, {@code origination}, {@code messageType}, {@code context}. */
        public String field() {
            return field;
        }
    }

    /** The user has sent as many test texts as allowed for now. */
    public static final class RateLimitedException extends IllegalStateException {
        public RateLimitedException(String message) {
            super(message);
        }
    }

    /** The user's previous send has not ended yet; nothing is sent. */
    public static final class SendInProgressException extends IllegalStateException {
        public SendInProgressException(String message) {
            super(message);
        }
    }

    /** What the console knows about a destination number before sending. */
    public record NumberState(PhoneNumber number, @Nullable String simulator, @Nullable String verification, boolean optedOut,
            boolean sandbox) {

        /** "Simulator (success)", "VERIFIED", "Not verified: the sandbox refuses it", "Opted out". */
        public String describe() {
            if (optedOut) {
                return "Opted out: AWS will refuse texts to it";
            }
            if (simulator != null) {
                return "Simulator number (" + simulator + ")";
            }
            if (!sandbox) {
                return "Production account: any number can be texted";
            }
            if (verification == null) {
                return "Not verified: the sandbox refuses texts to it";
            }
            return "VERIFIED".equals(verification) ? "Verified" : "Verification " + verification + ": not textable yet";
        }

        public boolean sendable() {
            return !optedOut && (simulator != null || !sandbox || "VERIFIED".equals(verification));
        }
    }

    /** Encoding, parts and estimated cost of a body to a country. */
    public record Preview(SmsText.Analysis analysis, @Nullable BigDecimal estimatedCost, @Nullable String country) {
    }

    /** A send that AWS accepted. */
    public record SendResult(TestSend send, SmsText.Analysis analysis) {
    }

    /** A test send with the latest state of its message from the delivery history. */
    public record HistoryEntry(TestSend send, @Nullable DeliveryMessage message) {

        public String finalStatus() {
            if (!TestSend.SENT.equals(send.outcome())) {
                return switch (send.outcome()) {
                    case TestSend.DRY_RUN -> "dry run";
                    case TestSend.UNKNOWN -> "may have been sent";
                    default -> "refused";
                };
            }
            return message == null ? "no receipt yet" : message.latestType();
        }
    }

    private final TestSendGateway gateway;
    private final AuditService audit;
    private final TestSendStore store;
    private final DeliveryLogService deliveryLog;
    private final PriceTable prices;
    private final SmsResources resources;
    private final TestSendProperties properties;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recentSends = new ConcurrentHashMap<>();
    /** Users with a send waiting for AWS: one send in flight per user, whatever the page does. */
    private final Set<String> sendsInFlight = ConcurrentHashMap.newKeySet();

    TestSendService(TestSendGateway gateway, AuditService audit, TestSendStore store, DeliveryLogService deliveryLog, PriceTable prices,
            SmsResources resources, TestSendProperties properties, Clock clock) {
        this.gateway = gateway;
        this.audit = audit;
        this.store = store;
        this.deliveryLog = deliveryLog;
        this.prices = prices;
        this.resources = resources;
        this.properties = properties;
        this.clock = clock;
    }

    public SmsResources resources() {
        return resources;
    }

    public PriceTable prices() {
        return prices;
    }

    public Duration watchTimeout() {
        return properties.watchTimeout();
    }

    /** Pools and phone numbers that can send, as id → label; the configured pool first. */
    public Map<String, String> originationIdentities() {
        Map<String, String> identities = new LinkedHashMap<>();
        List<TestSendGateway.Identity> all = gateway.identities();
        all.stream().filter(i -> i.id().equals(resources.phonePoolId())).forEach(i -> identities.put(i.id(), i.label()));
        all.forEach(i -> identities.putIfAbsent(i.id(), i.label()));
        return identities;
    }

    public List<String> configurationSets() {
        return gateway.configurationSets();
    }

    /** The number's simulator, verification and opt-out state for the chosen origination identity. */
    public NumberState numberState(PhoneNumber number, @Nullable String originationIdentity) {
        boolean sandbox = !"PRODUCTION".equals(gateway.accountTier());
        String optOutList = optOutList(originationIdentity);
        boolean optedOut = optOutList != null && gateway.optedOut(optOutList, number.e164());
        String verification = sandbox ? gateway.verificationStatus(number.e164()).orElse(null) : null;
        String simulator = SimulatorNumbers.aws().destination(number.e164()).map(SimulatorNumbers.Destination::outcome).orElse(null);
        return new NumberState(number, simulator, verification, optedOut, sandbox);
    }

    private @Nullable String optOutList(@Nullable String originationIdentity) {
        String id = originationIdentity == null ? resources.phonePoolId() : originationIdentity;
        return gateway.identities().stream().filter(i -> i.id().equals(id)).findFirst().map(TestSendGateway.Identity::optOutListName)
                .orElse(null);
    }

    /** A number on the opt-out list of the origination identity, for the opted-out scenario. */
    public Optional<String> optedOutNumber(@Nullable String originationIdentity) {
        String list = optOutList(originationIdentity);
        return list == null ? Optional.empty() : gateway.optedOutNumbers(list, 1).stream().findFirst();
    }

    public static boolean isSimulator(String e164) {
        return SimulatorNumbers.aws().destination(e164).isPresent();
    }

    /** Encoding, parts and the estimated cost to the destination's country (when the destination is a number). */
    public Preview preview(String body, @Nullable String destination) {
        SmsText.Analysis analysis = SmsText.analyze(body);
        Optional<PhoneNumber> number = destination == null ? Optional.empty() : PhoneNumber.tryParse(destination);
        String country = number.map(PhoneNumber::regionCode).orElse(null);
        BigDecimal cost = country == null || analysis.parts() == 0 ? null : prices.estimate(country, analysis.parts());
        return new Preview(analysis, cost, country);
    }

    /**
     * Sends the test text (or validates it, for a dry run) and records it. One send of a user at a
     * time: a second one while the first waits for AWS is refused. A real send is not retried after
     * it may have reached AWS (SendTextMessage has no client token); when AWS gives no answer the
     * send is recorded and audited as outcome unknown, and the message says it may have been sent.
     *
     * @throws InvalidSendException when the input cannot be sent; nothing is sent
     * @throws RateLimitedException when the user reached the configured rate; nothing is sent
     * @throws SendInProgressException when the user's previous send has not ended; nothing is sent
     * @throws AwsCallException when AWS refuses (audited and recorded as failed) or gives no answer
     *     (audited and recorded as outcome unknown, {@link AwsCallException#mayHaveBeenCarriedOut()})
     * @see "Design decision: docs/decisions/015-20261202-no-blind-retries.md"
     */
    public SendResult send(TestSendRequest request) {
        PhoneNumber destination = validate(request);
        String user = currentUser();
        if (!sendsInFlight.add(user)) {
            String refusal = "Your previous test text is still being sent. Wait for its outcome before sending another.";
            audit.refused("SendTextMessage", destination.e164(), refusal);
            throw new SendInProgressException(refusal);
        }
        try {
            return sendOne(request, destination, user);
        } finally {
            sendsInFlight.remove(user);
        }
    }

    private SendResult sendOne(TestSendRequest request, PhoneNumber destination, String user) {
        SmsText.Analysis analysis = SmsText.analyze(request.body());
        checkRate(user, request.destination());
        BigDecimal cost = prices.estimate(destination.regionCode(), analysis.parts());
        String detail = "from " + request.originationIdentity() + (request.configurationSet() == null ? "" : ", configuration set "
                + request.configurationSet()) + ", " + request.messageType() + ", " + analysis.parts() + " part(s) "
                + analysis.encoding().eventName() + ", estimated USD " + cost.toPlainString() + (request.dryRun() ? ", dry run" : "")
                + (properties.auditBody() ? ", body: " + request.body() : "");
        Instant at = clock.instant();
        // written before the call, so a crash before the answer leaves "outcome unknown" (decision 005)
        AuditEntry attempt = audit.attempt("SendTextMessage", destination.e164(), detail);
        TestSendGateway.Sent sent;
        try {
            sent = gateway.send(destination.e164(), request.originationIdentity(), request.configurationSet(), request.messageType(),
                    request.body(), request.context(), request.dryRun());
        } catch (AwsCallException e) {
            boolean unknown = !request.dryRun() && e.mayHaveBeenCarriedOut();
            AwsCallException shown = unknown ? e.withUserMessage(mayHaveBeenSent(e)) : e;
            audit.complete(attempt, unknown ? AuditOutcome.UNKNOWN : AuditOutcome.FAILURE, e.requestId(),
                    (unknown ? "outcome unknown, " : "") + detail + "; " + e.supportLine() + ": " + shown.userMessage());
            store.add(new TestSend(0, user, at, destination.e164(), request.originationIdentity(), request.configurationSet(),
                    request.messageType(), analysis.encoding().eventName(), analysis.parts(), cost, request.dryRun(), null,
                    unknown ? TestSend.UNKNOWN : TestSend.FAILED, shown.userMessage() + " (" + e.supportLine() + ")", e.requestId()));
            if (unknown) {
                deliveryLog.requestSync();
            }
            throw shown;
        } catch (RuntimeException | Error e) {
            audit.complete(attempt, AuditOutcome.UNKNOWN, null, "outcome unknown, " + detail + "; the call ended without an answer ("
                    + e.getClass().getSimpleName() + ")");
            throw e;
        }
        audit.complete(attempt, AuditOutcome.SUCCESS, sent.requestId(), detail + ", message id " + sent.messageId());
        TestSend send = new TestSend(0, user, at, destination.e164(), request.originationIdentity(), request.configurationSet(),
                request.messageType(), analysis.encoding().eventName(), analysis.parts(), cost, request.dryRun(), sent.messageId(),
                request.dryRun() ? TestSend.DRY_RUN : TestSend.SENT, null, sent.requestId());
        store.add(send);
        if (!request.dryRun()) {
            store.addBody(sent.messageId(), at, request.body());
            deliveryLog.requestSync();
        }
        return new SendResult(send, analysis);
    }

    /** What to tell the user when a send got no success answer but may have reached AWS. */
    static String mayHaveBeenSent(AwsCallException e) {
        String why = e.kind() == AwsCallException.Kind.SERVER ? "AWS answered with an internal error"
                : "AWS did not answer in time";
        return why + ", so the text may have been sent — check Delivery history for this number before sending again.";
    }

    /** Checks every field; the parsed destination when all are right. */
    public PhoneNumber validate(TestSendRequest request) {
        PhoneNumber destination;
        try {
            destination = PhoneNumber.parse(request.destination());
        } catch (PhoneNumber.InvalidPhoneNumberException e) {
            throw new InvalidSendException("destination", e.getMessage());
        }
        if (request.body().isBlank()) {
            throw new InvalidSendException("body", "Write the message: AWS refuses an empty or blank body.");
        }
        SmsText.Analysis analysis = SmsText.analyze(request.body());
        if (analysis.tooLong()) {
            throw new InvalidSendException("body", "Too long: " + analysis.characters() + " characters; AWS accepts at most "
                    + SmsText.MAX_CHARACTERS + ".");
        }
        if (request.originationIdentity().isBlank() || !request.originationIdentity().matches("[A-Za-z0-9_:/+-]{1,256}")) {
            throw new InvalidSendException("origination", "Choose the pool or phone number to send from.");
        }
        if (!MESSAGE_TYPES.contains(request.messageType())) {
            throw new InvalidSendException("messageType", "Choose TRANSACTIONAL or PROMOTIONAL.");
        }
        if (request.context().size() > 5) {
            throw new InvalidSendException("context", "At most 5 context entries.");
        }
        for (Map.Entry<String, String> entry : request.context().entrySet()) {
            if (!entry.getKey().matches("\\S{1,100}")) {
                throw new InvalidSendException("context", "Context key \"" + entry.getKey() + "\": 1 to 100 characters, no spaces.");
            }
            String value = entry.getValue();
            if (value.isEmpty() || value.length() > 800 || !value.equals(value.strip())) {
                throw new InvalidSendException("context", "Context value of \"" + entry.getKey()
                        + "\": 1 to 800 characters, no space at the start or end.");
            }
        }
        return destination;
    }

    private void checkRate(String user, String destination) {
        Instant now = clock.instant();
        Deque<Instant> sends = recentSends.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (sends) {
            while (!sends.isEmpty() && sends.peekFirst().isBefore(now.minus(Duration.ofDays(1)))) {
                sends.removeFirst();
            }
            long lastMinute = sends.stream().filter(t -> t.isAfter(now.minus(Duration.ofMinutes(1)))).count();
            String refusal = null;
            if (lastMinute >= properties.maxPerMinute()) {
                refusal = "You sent " + lastMinute + " test texts in the last minute, the most allowed (" + properties.maxPerMinute()
                        + " a minute). Wait a moment before sending another.";
            } else if (sends.size() >= properties.maxPerDay()) {
                refusal = "You sent " + sends.size() + " test texts today, the most allowed (" + properties.maxPerDay() + " a day).";
            }
            if (refusal != null) {
                audit.refused("SendTextMessage", destination, refusal);
                throw new RateLimitedException(refusal);
            }
            sends.addLast(now);
        }
    }

    /** The receipts of a message so far, oldest first. */
    public List<DeliveryEvent> events(String messageId) {
        return deliveryLog.timeline(messageId);
    }

    /** Asks the delivery history to read new receipts soon. */
    public void refreshReceipts() {
        deliveryLog.requestSync();
    }

    /** The current user's recent test sends with their messages' latest state. */
    public List<HistoryEntry> history(int limit) {
        return store.recent(currentUser(), limit).stream()
                .map(s -> new HistoryEntry(s, s.messageId() == null || !TestSend.SENT.equals(s.outcome()) ? null
                        : deliveryLog.message(s.messageId()).orElse(null)))
                .toList();
    }

    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName().toLowerCase(Locale.ROOT);
    }
    // --- what a destination needs before Send (read-only; never on the send path) ---

    private static final Duration ACCOUNT_CACHE = Duration.ofSeconds(60);
    private static final Duration DESTINATION_CACHE = Duration.ofSeconds(20);
    private final Map<String, Cached<Object>> lookups = new ConcurrentHashMap<>();

    private record Cached<T>(T value, Instant until) {
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Duration life, java.util.function.Supplier<T> load) {
        Instant now = clock.instant();
        Cached<Object> hit = lookups.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return (T) hit.value();
        }
        T value = load.get();
        lookups.put(key, new Cached<>(value, now.plus(life)));
        return value;
    }

    /** AWS's simulator numbers as the console knows them (its own table, written from AWS's user guide). */
    public SimulatorNumbers simulators() {
        return SimulatorNumbers.aws();
    }

    /**
     * The account's origination identities with the senders behind each: pools first (the
     * configured pool first of all), then phone numbers, then sender IDs. Kept for a minute.
     */
    public List<Origination> originations() {
        List<Origination> all = gateway.originations();
        lookups.put("originations", new Cached<>(all, clock.instant().plus(ACCOUNT_CACHE)));
        return ordered(all);
    }

    private List<Origination> cachedOriginations() {
        return ordered(cached("originations", ACCOUNT_CACHE, gateway::originations));
    }

    private List<Origination> ordered(List<Origination> all) {
        List<Origination> ordered = new java.util.ArrayList<>();
        all.stream().filter(o -> o.id().equals(resources.phonePoolId())).forEach(ordered::add);
        all.stream().filter(o -> !o.id().equals(resources.phonePoolId())).forEach(ordered::add);
        return ordered;
    }

    /**
     * What the destination needs and whether {@code originationId} can reach it, with the
     * sandbox's verification and the opt-out list of that origination. Kept for 20 seconds per
     * number and origination, so typing does not call AWS again and again.
     */
    public DestinationCheck checkDestination(PhoneNumber number, @Nullable String originationId, @Nullable String configurationSet) {
        String from = originationId == null ? resources.phonePoolId() : originationId;
        return cached("destination " + number.e164() + " " + from + " " + configurationSet, DESTINATION_CACHE, () -> {
            List<Origination> originations = cachedOriginations();
            Optional<Origination> chosen = originations.stream().filter(o -> o.id().equals(from)).findFirst();
            Optional<SimulatorNumbers.Destination> simulator = simulators().destination(number.e164());
            String country = number.regionCode();
            Origination.Reach reach = chosen.map(o -> o.reaches(country, simulator.isPresent()))
                    .orElse(new Origination.Reach(Origination.Reach.Answer.NO, from + " is not an origination identity of this account"));
            if (reach.answer() == Origination.Reach.Answer.NO && configurationSet != null) {
                // API reference, SetDefaultSenderId: a configuration set's default sender ID is used when no
                // origination identity of the request reaches a country that allows sender IDs
                String fallback = cached("default sender ids", ACCOUNT_CACHE, gateway::defaultSenderIds).get(configurationSet);
                if (fallback != null && !simulator.map(s -> simulators().originationCountries().contains(s.country())).orElse(false)) {
                    reach = new Origination.Reach(Origination.Reach.Answer.MAYBE, reach.why() + "; configuration set " + configurationSet
                            + " has the default sender ID " + fallback + ", which AWS uses where the country allows sender IDs");
                }
            }
            Origination.Reach chosenReach = reach;
            Origination alternative = chosenReach.answer() == Origination.Reach.Answer.YES ? null
                    : originations.stream().filter(o -> o.reaches(country, simulator.isPresent()).answer() == Origination.Reach.Answer.YES)
                            .findFirst().orElse(null);
            boolean sandbox = !"PRODUCTION".equals(cached("tier", ACCOUNT_CACHE, () -> Optional.ofNullable(gateway.accountTier())).orElse(null));
            String optOutList = chosen.map(Origination::optOutListName).orElse(null);
            boolean optedOut = optOutList != null && gateway.optedOut(optOutList, number.e164());
            String verification = sandbox && simulator.isEmpty() ? gateway.verificationStatus(number.e164()).orElse(null) : null;
            return new DestinationCheck(number, simulator, sandbox, verification, optedOut, needs(number, simulator), chosenReach, alternative);
        });
    }

    private String needs(PhoneNumber number, Optional<SimulatorNumbers.Destination> simulator) {
        String name = number.countryName();
        java.util.Set<String> simulatorOrigins = simulators().originationCountries();
        if (simulator.isPresent()) {
            if (simulatorOrigins.contains(number.regionCode())) {
                return "Needs a " + name + " origination identity: a " + name + " simulator origination number or any active " + name
                        + " number.";
            }
            return "Needs a " + name + " origination identity, such as a sender ID for " + name + " (where the country allows sender IDs)"
                    + " or a " + name + " phone number. AWS offers simulator origination numbers in " + countries(simulatorOrigins)
                    + " only, and they reach only simulator numbers of their own country.";
        }
        return "Needs an origination identity for " + name + ": a " + name + " phone number or sender ID, or a number with international"
                + " sending on. Simulator origination numbers reach only simulator numbers.";
    }

    private static String countries(java.util.Set<String> codes) {
        return String.join(", ", codes.stream().map(PhoneNumber::countryName).sorted().toList());
    }
}
