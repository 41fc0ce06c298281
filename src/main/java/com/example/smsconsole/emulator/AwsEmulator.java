package com.example.smsconsole.emulator;

import com.example.smsconsole.emulator.logs.LogStore;
import com.example.smsconsole.emulator.logs.LogsEmulator;
import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.example.smsconsole.emulator.protocol.JsonProtocolServer;
import com.example.smsconsole.emulator.protocol.ServiceModel;
import com.example.smsconsole.emulator.protocol.SigV4Verifier;
import com.example.smsconsole.emulator.sms.RegistrationCatalog;
import com.example.smsconsole.emulator.sms.SmsState;
import com.example.smsconsole.emulator.sms.SmsVoiceEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running emulator: both services behind one HTTP listener, their state under the data
 * directory, a ticker that moves time-driven work along (review stages, delivery receipts) and saves
 * state, and handles for tests (clock, faults, handsets, review steering).
 */
public final class AwsEmulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AwsEmulator.class);

    private final EmulatorProperties properties;
    private final JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final EmulatorClock clock;
    private final Path dataDir;
    private final LogStore logStore;
    private final SmsVoiceEmulator sms;
    private final FaultInjector faults;
    private final JsonProtocolServer server;
    private final ScheduledExecutorService ticker;

    public AwsEmulator(EmulatorProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = new EmulatorClock(clock);
        this.dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
            Path smsFile = dataDir.resolve("sms-state.json");
            boolean firstStart = Files.notExists(smsFile);
            this.logStore = new LogStore(dataDir.resolve("logs"), this.clock, mapper);
            if (firstStart) {
                logStore.createGroup(properties.seed().logGroupName(), null);
            }
            SmsState state = firstStart ? new SmsState() : mapper.readValue(smsFile.toFile(), SmsState.class);
            this.sms = new SmsVoiceEmulator(ServiceModel.load("/emulator/models/pinpoint-sms-voice-v2.json", mapper), properties,
                    this.clock, new RegistrationCatalog(mapper), state, logStore);
            this.faults = new FaultInjector(properties.accountId());
            var logs = new LogsEmulator(ServiceModel.load("/emulator/models/logs.json", mapper), logStore, this.clock, properties);
            this.server = new JsonProtocolServer(mapper,
                    properties.checkSignatures() ? new SigV4Verifier(properties.accessKeyId(), properties.secretAccessKey(), clock) : null,
                    faults, this.clock, properties.strict())
                    .register(sms)
                    .register(logs);
            server.start(properties.host(), properties.port(), new ControlEndpoint(this, mapper));
            saveState();
        } catch (IOException e) {
            throw new UncheckedIOException("The local AWS emulator could not start (data directory " + dataDir + ")", e);
        }
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "aws-emulator-ticker");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            sms.tick();
            if (sms.takeDirty()) {
                saveState();
            }
        } catch (RuntimeException e) {
            log.error("Emulator tick failed", e);
        }
    }

    private void saveState() {
        try {
            byte[] json;
            synchronized (sms.lock()) {
                json = mapper.writeValueAsBytes(sms.state());
            }
            Path tmp = dataDir.resolve("sms-state.json.tmp");
            Files.write(tmp, json);
            Files.move(tmp, dataDir.resolve("sms-state.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the SDK clients, the AWS CLI and boto3 reach it. */
    public URI baseUri() {
        return server.baseUri();
    }

    /** The operations each emulated service implements, against its model. */
    public java.util.List<JsonProtocolServer.Coverage> coverage() {
        return server.coverage();
    }

    public EmulatorClock clock() {
        return clock;
    }

    public FaultInjector faults() {
        return faults;
    }

    public SmsVoiceEmulator sms() {
        return sms;
    }

    public LogStore logs() {
        return logStore;
    }

    public EmulatorProperties properties() {
        return properties;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.stop();
        tick();
        logStore.close();
    }
}
