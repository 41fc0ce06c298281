package com.example.smsconsole.verification;

import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.PhoneNumber;
import com.example.smsconsole.security.AppRoles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Sandbox verification of destination numbers: list them with the account's limit, add one or many,
 * send codes (with a resend cooldown), verify, delete. Every call that changes state in AWS is
 * audited with its outcome and request id; input that cannot be right is refused before anything
 * is sent.
 */
@Service
@PreAuthorize(AppRoles.QA_OR_ADMIN)
public class VerificationService {

    /** Channels a code can be sent by. */
    public static final List<String> CHANNELS = List.of("TEXT", "VOICE");

    /** Outcome of one line of a bulk add. */
    public enum BulkOutcome {
        /** Created and sent a code. */
        CREATED,
        /** Created, but the code could not be sent (see the message). */
        CREATED_NO_CODE,
        /** Not a valid phone number. */
        INVALID,
        /** Already a verified destination number of the account (or twice in the list). */
        ALREADY_PRESENT,
        /** The account's limit of verified numbers is reached. */
        OVER_LIMIT,
        /** AWS refused it for another reason (see the message). */
        FAILED
    }

    /** One line of a bulk add and what became of it. */
    public record BulkResult(String input, @Nullable String phoneNumber, BulkOutcome outcome, String message) {
    }

    private final VerificationGateway gateway;
    private final AuditService audit;
    private final VerificationProperties properties;
    private final Clock clock;
    private final Map<String, Instant> codeSentAt = new ConcurrentHashMap<>();
    /** Adds that got no answer from AWS, by number, until a list shows whether AWS made them. */
    private final Map<String, Unconfirmed> unconfirmed = new ConcurrentHashMap<>();

    private static final String CREATE = "CreateVerifiedDestinationNumber";
    private static final DateTimeFormatter ADDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /** How long a number missing from the list may still be on its way after an unanswered add. */
    private static final Duration RECONCILE_AFTER = Duration.ofMinutes(2);

    private record Unconfirmed(String clientToken, Instant at, String actor) {
    }

    VerificationService(VerificationGateway gateway, AuditService audit, VerificationProperties properties, Clock clock) {
        this.gateway = gateway;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every verified destination number, newest first. */
    public List<VerifiedNumber> numbers() {
        List<VerifiedNumber> numbers = new ArrayList<>(gateway.list());
        reconcile(numbers);
        numbers.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
        return numbers;
    }

    /** The account tier and how many of its verified numbers are used. */
    public SandboxStatus status() {
        String tier = gateway.accountTier();
        var limit = gateway.verifiedNumbersLimit();
        long used = limit.map(l -> l.used()).orElseGet(() -> (long) gateway.list().size());
        return new SandboxStatus(tier, used, limit.map(l -> l.max()).orElse(null));
    }

    /**
     * Adds a destination number (PENDING until verified).
     *
     * @throws PhoneNumber.InvalidPhoneNumberException when the input is not a valid number; nothing is sent
     * @throws AwsCallException when AWS refuses, with a message for the duplicate and the over-limit cases
     */
    public VerifiedNumber add(String input) {
        PhoneNumber number = PhoneNumber.parse(input);
        String e164 = number.e164();
        // adding a number again after an unanswered add resends its client token: AWS answers with the number it made
        Unconfirmed earlier = unconfirmed.get(e164);
        String token = earlier != null ? earlier.clientToken() : UUID.randomUUID().toString();
        try {
            VerifiedNumber created = audited(CREATE, e164, () -> gateway.create(e164, token), VerificationGateway.Called::requestId,
                    c -> "added as " + c.value().id() + " (" + c.value().status() + ")", e -> explainCreate(number, e)).value();
            unconfirmed.remove(e164);
            return created;
        } catch (AwsCallException e) {
            if (e.mayHaveBeenCarriedOut()) {
                unconfirmed.putIfAbsent(e164, new Unconfirmed(token, clock.instant(), currentActor()));
            }
            throw e;
        }
    }

    /**
     * Completes the audit of adds that got no answer, from the list AWS returned: a number it lists
     * was added (success, reconciled); one it still does not list a while later was not.
     *
     * @see "Design decision: docs/decisions/015-20261202-no-blind-retries.md"
     */
    private void reconcile(List<VerifiedNumber> listed) {
        for (var pending : Map.copyOf(unconfirmed).entrySet()) {
            Unconfirmed u = pending.getValue();
            Optional<VerifiedNumber> found = listed.stream().filter(n -> n.phoneNumber().equals(pending.getKey())).findFirst();
            if (found.isPresent() && unconfirmed.remove(pending.getKey(), u)) {
                audit.success(CREATE, pending.getKey(), null, "reconciled: the unanswered add of " + u.at() + " by " + u.actor()
                        + " did add it; DescribeVerifiedDestinationNumbers lists it as " + found.get().id() + " (" + found.get().status() + ")");
            } else if (found.isEmpty() && u.at().plus(RECONCILE_AFTER).isBefore(clock.instant()) && unconfirmed.remove(pending.getKey(), u)) {
                audit.failure(CREATE, pending.getKey(), null, "reconciled: the unanswered add of " + u.at() + " by " + u.actor()
                        + " did not add it; DescribeVerifiedDestinationNumbers does not list it " + RECONCILE_AFTER.toMinutes() + " minutes later");
            }
        }
    }

    private static String currentActor() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? AuditService.SYSTEM_ACTOR : auth.getName();
    }

    /**
     * Sends a verification code by {@code TEXT} or {@code VOICE}.
     *
     * @throws IllegalStateException while the resend cooldown of the number runs; nothing is sent
     */
    public String sendCode(VerifiedNumber number, String channel) {
        if (!CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("Choose TEXT or VOICE.");
        }
        Duration wait = cooldownLeft(number.id());
        if (!wait.isZero()) {
            throw new IllegalStateException("A code was sent to " + number.phoneNumber() + " moments ago; you can send another in "
                    + seconds(wait) + ".");
        }
        String messageId = audited("SendDestinationNumberVerificationCode", number.phoneNumber() + " (" + number.id() + ")",
                () -> gateway.sendCode(number.id(), channel), VerificationGateway.Called::requestId,
                sent -> "code by " + channel + ", message " + sent.value(), e -> {
                    if (!e.mayHaveBeenCarriedOut()) {
                        return e;
                    }
                    // no client token, no retry: the code may be on its way, so the resend cooldown starts anyway
                    codeSentAt.put(number.id(), clock.instant());
                    return e.withUserMessage("AWS did not confirm the code, so it may have been sent to " + number.phoneNumber()
                            + ". Wait for it before sending another.");
                }).value();
        codeSentAt.put(number.id(), clock.instant());
        return messageId;
    }

    /** Time left before another code may be sent to the number; zero when one may be sent now. */
    public Duration cooldownLeft(String id) {
        Instant sent = codeSentAt.get(id);
        if (sent == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), sent.plus(properties.resendCooldown()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Verifies a number with the code it received.
     *
     * @throws IllegalArgumentException when the code cannot be a code (1 to 20 letters or digits); nothing is sent
     * @throws AwsCallException with distinct messages for a wrong and an expired code
     */
    public VerifiedNumber verify(VerifiedNumber number, String code) {
        String trimmed = code.strip();
        if (!trimmed.matches("[A-Za-z0-9]{1,20}")) {
            throw new IllegalArgumentException("Enter the code from the text or call: letters and digits only, at most 20.");
        }
        VerifiedNumber verified = audited("VerifyDestinationNumber", number.phoneNumber() + " (" + number.id() + ")",
                () -> gateway.verify(number.id(), trimmed), VerificationGateway.Called::requestId,
                v -> "status " + v.value().status(), e -> e).value();
        codeSentAt.remove(number.id());
        return verified;
    }

    /** Deletes a verified destination number; AWS refuses it for a while after it was added. */
    public void delete(VerifiedNumber number) {
        audited("DeleteVerifiedDestinationNumber", number.phoneNumber() + " (" + number.id() + ")",
                () -> gateway.delete(number.id()), VerificationGateway.Called::requestId, d -> "deleted", e -> explainDelete(number, e));
        codeSentAt.remove(number.id());
    }

    /**
     * Parses a pasted or uploaded list: one number per line, or separated by commas, semicolons or
     * spaces between numbers. Blank entries are skipped.
     */
    public static List<String> splitList(String text) {
        List<String> entries = new ArrayList<>();
        for (String line : text.split("\\R")) {
            for (String entry : line.split("[,;\\t]")) {
                String value = entry.strip();
                if (!value.isEmpty() && !value.startsWith("#")) {
                    entries.add(value);
                }
            }
        }
        return entries;
    }

    /**
     * Adds many numbers in order: each is validated, the valid ones are created and sent a code by
     * {@code channel} while the account has room, never faster than
     * {@code app.verification.bulk-calls-per-second}. Reports each result as it is known.
     *
     * @throws IllegalArgumentException when the list is empty or longer than {@code bulk-max-numbers}; nothing is sent
     */
    public List<BulkResult> addAll(List<String> inputs, String channel, Consumer<BulkResult> progress) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("Paste or upload at least one number.");
        }
        if (inputs.size() > properties.bulkMaxNumbers()) {
            throw new IllegalArgumentException("At most " + properties.bulkMaxNumbers() + " numbers at a time; the list has "
                    + inputs.size() + ".");
        }
        if (!CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("Choose TEXT or VOICE.");
        }
        // validate every line before anything is sent
        Map<Integer, PhoneNumber> valid = new LinkedHashMap<>();
        Map<Integer, String> invalid = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            try {
                valid.put(i, PhoneNumber.parse(inputs.get(i)));
            } catch (PhoneNumber.InvalidPhoneNumberException e) {
                invalid.put(i, e.getMessage());
            }
        }
        Pacer pacer = new Pacer(properties.bulkCallsPerSecond());
        Set<String> present = new HashSet<>();
        long room = Long.MAX_VALUE;
        if (!valid.isEmpty()) {
            pacer.await();
            numbers().forEach(n -> present.add(n.phoneNumber()));
            pacer.await();
            room = status().remaining();
        }
        List<BulkResult> results = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            BulkResult result;
            PhoneNumber number = valid.get(i);
            if (number == null) {
                result = new BulkResult(input, null, BulkOutcome.INVALID, invalid.get(i));
            } else if (!present.add(number.e164())) {
                result = new BulkResult(input, number.e164(), BulkOutcome.ALREADY_PRESENT, "Already in the list of verified numbers.");
            } else if (room <= 0) {
                result = new BulkResult(input, number.e164(), BulkOutcome.OVER_LIMIT,
                        "Not added: the account has no room for more verified numbers.");
            } else {
                result = addOne(input, number, channel, pacer);
                if (result.outcome() == BulkOutcome.CREATED || result.outcome() == BulkOutcome.CREATED_NO_CODE) {
                    room--;
                } else if (result.outcome() == BulkOutcome.OVER_LIMIT) {
                    room = 0;
                }
            }
            results.add(result);
            progress.accept(result);
        }
        return results;
    }

    private BulkResult addOne(String input, PhoneNumber number, String channel, Pacer pacer) {
        VerifiedNumber created;
        try {
            pacer.await();
            created = add(number.e164());
        } catch (AwsCallException e) {
            BulkOutcome outcome = e.isReason("VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT") ? BulkOutcome.OVER_LIMIT
                    : e.isReason("RESOURCE_ALREADY_EXISTS") ? BulkOutcome.ALREADY_PRESENT : BulkOutcome.FAILED;
            return new BulkResult(input, number.e164(), outcome, e.userMessage() + " (" + e.supportLine() + ")");
        }
        try {
            pacer.await();
            sendCode(created, channel);
            return new BulkResult(input, number.e164(), BulkOutcome.CREATED, "Added; code sent by " + channel.toLowerCase(Locale.ROOT) + ".");
        } catch (AwsCallException e) {
            return new BulkResult(input, number.e164(), BulkOutcome.CREATED_NO_CODE,
                    "Added, but the code was not sent: " + e.userMessage() + " (" + e.supportLine() + ")");
        }
    }

    private AwsCallException explainCreate(PhoneNumber number, AwsCallException e) {
        if (e.mayHaveBeenCarriedOut()) {
            return e.withUserMessage((e.kind() == AwsCallException.Kind.SERVER ? "AWS answered with an internal error" : "AWS did not answer in time")
                    + ", so " + number.e164() + " may have been added. The list shows it if AWS added it; adding it again is safe"
                    + " (the same client token is sent, so AWS does not add it twice).");
        }
        if (e.isReason("RESOURCE_ALREADY_EXISTS")) {
            return e.withUserMessage(number.e164() + " is already in the list of verified destination numbers.");
        }
        if (e.isReason("VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT")) {
            return e.withUserMessage("The account already has the most verified destination numbers it may have. Delete one to add "
                    + number.e164() + ".");
        }
        return e;
    }

    private static AwsCallException explainDelete(VerifiedNumber number, AwsCallException e) {
        if (e.isReason("RESOURCE_DELETION_NOT_ALLOWED")) {
            // why, and from when (the time AWS gives as the number's CreatedTimestamp, in UTC, which any page can show as is);
            // AWS documents no fixed wait, so the message repeats AWS's own words (which say how long) instead of guessing one
            return e.withUserMessage("AWS does not allow deleting " + number.phoneNumber() + " yet: it was added "
                    + ADDED.format(number.createdAt()) + ", and a verified number can only be deleted some time after it was added."
                    + (e.awsMessage() == null ? " Try again later." : " AWS said: " + e.awsMessage()));
        }
        return e;
    }


    private <T> T audited(String action, String target, Supplier<T> call, Function<T, @Nullable String> requestId,
            Function<T, String> detail, Function<AwsCallException, AwsCallException> explain) {
        return audit.awsChange(action, target, call, requestId, detail::apply, explain::apply);
    }

    /** Looks a number up by its E.164 form. */
    public Optional<VerifiedNumber> find(String phoneNumber) {
        return gateway.byNumber(phoneNumber);
    }

    private static String seconds(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        return s + (s == 1 ? " second" : " seconds");
    }

    /** Spaces calls so that at most {@code perSecond} start in any second. */
    private static final class Pacer {
        private final long intervalNanos;
        private long next = System.nanoTime();

        Pacer(double perSecond) {
            this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
        }

        void await() {
            long now = System.nanoTime();
            if (now < next) {
                try {
                    Thread.sleep(Duration.ofNanos(next - now));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted", e);
                }
            }
            next = Math.max(now, next) + intervalNanos;
        }
    }
}
