package com.example.smsconsole.deliverylog;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.repository.DeliveryStore;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies delivery receipts from the CloudWatch Logs group into the store. Each run pages
 * FilterLogEvents from the persisted watermark minus the overlap, at most
 * {@code max-calls-per-second} calls a second, backing off when throttled; every page is stored in
 * one transaction together with the new watermark, so a run that stops anywhere resumes with no gap,
 * and stored event ids keep re-read receipts from being stored twice. Only the holder of the
 * database lease ingests, so instances sharing one database take turns; a run renews its lease every
 * third of its duration while it lasts (slow or throttled FilterLogEvents calls included), and stops
 * before its next commit when a renewal fails.
 */
@Component
class DeliveryIngestion {

    static final String LEASE = "delivery-ingestion";

    private static String lease(String group) {
        return LEASE + ":" + group;
    }
    private static final Logger log = LoggerFactory.getLogger(DeliveryIngestion.class);

    /** The outcome of one run. */
    record RunResult(boolean ran, int calls, int eventsRead, int inserted, int duplicates, int malformed, int throttled, @Nullable String error) {
        static RunResult skipped() {
            return new RunResult(false, 0, 0, 0, 0, 0, 0, null);
        }
    }

    private final DeliveryLogGateway gateway;
    private final DeliveryStore store;
    private final IngestionProperties properties;
    private final SmsResources resources;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "delivery-ingestion-fetch");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "delivery-ingestion-lease");
        t.setDaemon(true);
        return t;
    });
    private long nextCallAt;
    private volatile @Nullable Instant lastThrottledAt;

    DeliveryIngestion(DeliveryLogGateway gateway, DeliveryStore store, IngestionProperties properties, SmsResources resources, Clock clock,
            ApplicationEventPublisher events) {
        this.gateway = gateway;
        this.store = store;
        this.properties = properties;
        this.resources = resources;
        this.clock = clock;
        this.events = events;
    }

    @Scheduled(initialDelayString = "${app.delivery.ingest.initial-delay:2s}", fixedDelayString = "${app.delivery.ingest.interval:5s}")
    void scheduled() {
        if (properties.enabled() && !resources.deliveryLogGroup().isBlank()) {
            runOnce();
        }
    }

    boolean isRunning() {
        return running.get();
    }

    /** When a FilterLogEvents call of this instance was last throttled, if ever. */
    Optional<Instant> lastThrottledAt() {
        return Optional.ofNullable(lastThrottledAt);
    }

    String owner() {
        return owner;
    }

    /** Runs one ingestion pass now unless one is running here or another instance holds the lease. */
    RunResult runOnce() {
        String group = resources.deliveryLogGroup();
        if (group.isBlank() || !running.compareAndSet(false, true)) {
            return RunResult.skipped();
        }
        try {
            long now = clock.millis();
            if (!store.tryLease(lease(group), owner, now, now + properties.leaseDuration().toMillis())) {
                return RunResult.skipped();
            }
            return ingest(group, now);
        } finally {
            running.set(false);
        }
    }

    /** One page, parsed by the fetching thread. */
    private record ParsedPage(List<DeliveryStore.Receipt> receipts, List<DeliveryStore.Malformed> malformed, long newestTimestamp, int read,
            @Nullable Throwable failure, boolean last) {
    }

    private RunResult ingest(String group, long startedAt) {
        var counters = new int[6];
        String error = null;
        long watermark = store.state(group).map(DeliveryStore.State::watermarkAt).filter(w -> w > 0)
                .orElse(startedAt - properties.initialLookback().toMillis());
        long knownUpTo = watermark;
        long start = Math.max(0, watermark - properties.overlap().toMillis());
        var pages = new java.util.concurrent.ArrayBlockingQueue<ParsedPage>(16);
        var stop = new AtomicBoolean();
        Future<?> producer = fetcher.submit(() -> produce(group, start, pages, stop, counters));
        var lost = new AtomicBoolean();
        long every = Math.max(50, properties.leaseDuration().toMillis() / 3);
        var renewal = renewer.scheduleWithFixedDelay(() -> {
            try {
                long now = clock.millis();
                if (!lost.get() && !store.tryLease(lease(group), owner, now, now + properties.leaseDuration().toMillis())) {
                    lost.set(true);
                }
            } catch (RuntimeException e) {
                // the database is unreachable: the lease is not known to be held any more
                lost.set(true);
            }
        }, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            List<DeliveryStore.Receipt> receipts = new ArrayList<>();
            List<DeliveryStore.Malformed> malformed = new ArrayList<>();
            long newest = watermark;
            boolean done = false;
            while (!done) {
                ParsedPage page = pages.take();
                if (page.failure() != null) {
                    throw page.failure() instanceof RuntimeException re ? re : new IllegalStateException(page.failure());
                }
                receipts.addAll(page.receipts());
                malformed.addAll(page.malformed());
                newest = Math.max(newest, page.newestTimestamp());
                counters[1] += page.read();
                done = page.last();
                if (!done && receipts.size() + malformed.size() < properties.commitEvents()) {
                    continue;
                }
                if (lost.get()) {
                    error = "Lost the ingestion lease to another instance";
                    break;
                }
                DeliveryStore.StoreResult result = store.store(group, receipts, malformed, newest, knownUpTo, clock.millis());
                counters[2] += result.inserted();
                counters[3] += result.duplicates();
                counters[4] += result.malformed();
                watermark = newest;
                receipts.clear();
                malformed.clear();
                long now = clock.millis();
                if (lost.get() || !store.tryLease(lease(group), owner, now, now + properties.leaseDuration().toMillis())) {
                    error = "Lost the ingestion lease to another instance";
                    break;
                }
            }
            if (error == null) {
                store.clearError(group);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "Interrupted";
        } catch (RuntimeException e) {
            error = describe(e);
        } finally {
            renewal.cancel(false);
            stop.set(true);
            producer.cancel(true);
        }
        long finishedAt = clock.millis();
        if (error != null) {
            log.warn("Delivery receipt ingestion from {} stopped: {}", group, error);
            store.recordError(group, error, finishedAt);
        }
        store.recordRun(new DeliveryStore.Run(group, owner, startedAt, finishedAt, counters[0], counters[1], counters[2], counters[3],
                counters[4], counters[5], error));
        if (counters[2] > 0) {
            events.publishEvent(new DeliveryEventsIngested(counters[2], clock.instant()));
        }
        return new RunResult(true, counters[0], counters[1], counters[2], counters[3], counters[4], counters[5], error);
    }

    /** The fetching thread: pages FilterLogEvents and parses each page, ahead of the storing thread. */
    private void produce(String group, long start, java.util.concurrent.BlockingQueue<ParsedPage> pages, AtomicBoolean stop, int[] counters) {
        try {
            String token = null;
            do {
                DeliveryLogGateway.LogPage page = fetch(group, start, token, counters);
                token = page.nextToken();
                pages.put(parse(page, token == null));
            } while (token != null && !stop.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            pages.offer(new ParsedPage(List.of(), List.of(), 0, 0, e, true));
        }
    }

    private static ParsedPage parse(DeliveryLogGateway.LogPage page, boolean last) {
        List<DeliveryStore.Receipt> receipts = new ArrayList<>(page.events().size());
        List<DeliveryStore.Malformed> malformed = new ArrayList<>();
        long newest = 0;
        for (DeliveryLogGateway.LogEvent event : page.events()) {
            newest = Math.max(newest, event.timestamp());
            try {
                DeliveryEvent parsed = ReceiptParser.parse(event.eventId(), event.timestamp(), event.ingestionTime(), event.logStream(), event.message());
                receipts.add(new DeliveryStore.Receipt(parsed, event.message(), event.timestamp()));
            } catch (ReceiptParser.MalformedReceiptException e) {
                malformed.add(new DeliveryStore.Malformed(event.eventId(), event.logStream(), event.timestamp(), event.ingestionTime(),
                        e.getMessage(), event.message()));
            }
        }
        return new ParsedPage(receipts, malformed, newest, page.events().size(), null, last);
    }

    /** One FilterLogEvents call within the rate limit, retried with backoff while throttled. */
    private DeliveryLogGateway.LogPage fetch(String group, long start, @Nullable String token, int[] counters) throws InterruptedException {
        long backoff = properties.throttleBackoff().toMillis();
        while (true) {
            pace();
            counters[0]++;
            try {
                return gateway.filterLogEvents(group, start, null, null, token, properties.pageLimit());
            } catch (AwsCallException e) {
                if (e.kind() != AwsCallException.Kind.THROTTLED) {
                    throw e;
                }
                counters[5]++;
                lastThrottledAt = clock.instant();
                Thread.sleep(backoff);
                backoff = Math.min(30_000, backoff * 2);
            }
        }
    }

    private synchronized void pace() throws InterruptedException {
        double perSecond = properties.maxCallsPerSecond();
        if (perSecond <= 0) {
            return;
        }
        long interval = (long) Math.ceil(1000.0 / perSecond);
        long now = System.currentTimeMillis();
        if (now < nextCallAt) {
            Thread.sleep(nextCallAt - now);
            now = nextCallAt;
        }
        nextCallAt = now + interval;
    }

    private static String describe(Throwable e) {
        if (e instanceof AwsCallException aws) {
            return aws.userMessage() + " (" + aws.supportLine() + ")";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
