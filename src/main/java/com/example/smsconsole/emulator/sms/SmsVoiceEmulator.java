package com.example.smsconsole.emulator.sms;

import com.example.smsconsole.emulator.EmulatorClock;
import com.example.smsconsole.emulator.EmulatorProperties;
import com.example.smsconsole.emulator.protocol.AwsFault;
import com.example.smsconsole.emulator.protocol.CallContext;
import com.example.smsconsole.emulator.protocol.EmulatedService;
import com.example.smsconsole.emulator.protocol.ModelValidator;
import com.example.smsconsole.emulator.protocol.Operation;
import com.example.smsconsole.emulator.protocol.ServiceModel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * The emulated End User Messaging SMS service ({@code PinpointSMSVoiceV2}). Operations run one at a
 * time under one lock; before each, time-driven changes (review stages, provisioning, delivery
 * receipts due) are brought up to the emulator's now, so state is a function of the recorded times
 * and survives restarts.
 */
public final class SmsVoiceEmulator implements EmulatedService {

    private static final SecureRandom RANDOM = new SecureRandom();

    final ServiceModel model;
    final EmulatorProperties properties;
    final EmulatorClock clock;
    final RegistrationCatalog catalog;
    final ReceiptSink receipts;
    final Object lock = new Object();
    final SmsState state;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final RegistrationOps registrations;
    private final MessagingOps messaging;
    private final NumberOps numbers;
    private volatile boolean dirty;

    public SmsVoiceEmulator(ServiceModel model, EmulatorProperties properties, EmulatorClock clock, RegistrationCatalog catalog,
            SmsState state, ReceiptSink receipts) {
        this.model = model;
        this.properties = properties;
        this.clock = clock;
        this.catalog = catalog;
        this.state = state;
        this.receipts = receipts;
        this.registrations = new RegistrationOps(this);
        this.messaging = new MessagingOps(this);
        this.numbers = new NumberOps(this);
        registrations.register();
        new VerificationOps(this).register();
        messaging.register();
        numbers.register();
        new PoolOps(this).register();
        new ResourceOps(this).register();
        new TagOps(this).register();
        new Seeder(this).seedIfEmpty();
    }

    @Override
    public ServiceModel model() {
        return model;
    }

    @Override
    public Map<String, Operation> operations() {
        return operations;
    }

    @Override
    public AwsFault invalidInput(List<ModelValidator.Violation> violations) {
        String message = violations.size() + " validation error" + (violations.size() == 1 ? "" : "s") + " detected: "
                + String.join("; ", violations.stream().map(v -> "Value at '" + v.path() + "' failed to satisfy constraint: " + v.message()).toList());
        boolean missing = violations.stream().anyMatch(ModelValidator.Violation::missing);
        List<Map<String, String>> fields = new ArrayList<>();
        violations.forEach(v -> fields.add(Map.of("Name", v.path(), "Message", v.message())));
        return AwsFault.validation(missing ? "MISSING_PARAMETER" : "INVALID_PARAMETER", message, fields);
    }

    /** Registers an operation that runs under the service lock after time-driven changes. */
    void operation(String name, BiFunction<JsonNode, CallContext, Object> handler) {
        operations.put(name, (input, context) -> {
            synchronized (lock) {
                advanceLocked(clock.millis());
                return handler.apply(input, context);
            }
        });
    }

    /** Brings time-driven changes up to now; called by the emulator's ticker. */
    public void tick() {
        synchronized (lock) {
            advanceLocked(clock.millis());
        }
    }

    private void advanceLocked(long now) {
        registrations.advance(now);
        numbers.advance(now);
        messaging.deliverDue(now);
    }

    RegistrationOps registrations() {
        return registrations;
    }

    /** Whether state changed since the last {@link #takeDirty()}. */
    public boolean takeDirty() {
        boolean was = dirty;
        dirty = false;
        return was;
    }

    void markDirty() {
        dirty = true;
    }

    /** A copy-safe view for persisting: call under {@link #lock()}. */
    public SmsState state() {
        return state;
    }

    public Object lock() {
        return lock;
    }

    long now() {
        return clock.millis();
    }

    String arn(String kind, String id) {
        return "arn:aws:sms-voice:" + properties.region() + ":" + properties.accountId() + ":" + kind + "/" + id;
    }

    static String idOf(String idOrArn) {
        int slash = idOrArn.lastIndexOf('/');
        return idOrArn.startsWith("arn:") && slash >= 0 ? idOrArn.substring(slash + 1) : idOrArn;
    }

    static String hex32() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    // --- simulated handsets (for the console's view and the control endpoint) ---

    /**
     * The simulated handsets, with their messages, newest last: every number a text or code was sent
     * to, then every destination simulator number of AWS's table that has received nothing yet (so a
     * tester can reply STOP from the success simulator on a fresh instance).
     */
    public List<SmsState.Handset> handsets() {
        synchronized (lock) {
            advanceLocked(clock.millis());
            List<SmsState.Handset> copy = new ArrayList<>();
            state.handsets.values().forEach(h -> {
                var c = new SmsState.Handset();
                c.number = h.number;
                c.messages = new ArrayList<>(h.messages);
                copy.add(c);
            });
            for (Numbers.Simulator simulator : Numbers.simulators()) {
                if (!state.handsets.containsKey(simulator.number())) {
                    var c = new SmsState.Handset();
                    c.number = simulator.number();
                    c.messages = new ArrayList<>();
                    copy.add(c);
                }
            }
            return copy;
        }
    }

    /** A reply typed on a simulated handset to one of the account's numbers (STOP, HELP, ...). */
    public SmsState.HandsetMessage reply(String handsetNumber, String toNumber, String text) {
        synchronized (lock) {
            advanceLocked(clock.millis());
            return messaging.reply(handsetNumber, toNumber, text);
        }
    }

    /** Steers the outcome of the next reviews of a registration (APPROVED or DENIED, in order). */
    public void steerReview(String registrationId, List<String> outcomes) {
        synchronized (lock) {
            registrations.steer(registrationId, outcomes);
        }
    }
}
