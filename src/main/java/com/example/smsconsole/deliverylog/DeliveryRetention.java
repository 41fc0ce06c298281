package com.example.smsconsole.deliverylog;

import com.example.smsconsole.deliverylog.repository.DeliveryStore;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the delivery store bounded: every {@code app.delivery.retention-interval} it removes what is
 * older than {@code app.delivery.retention} (400 days by default) in small transactions; on
 * PostgreSQL whole weekly partitions are dropped, and the receipt indexes of each week that has
 * closed are rebuilt full. Instances sharing one database take turns through a lease. On H2 every
 * {@code app.delivery.compaction-interval} it compacts the database file once less than 70% of it
 * holds live data. See docs/decisions/008-20261202-delivery-store-scale.md.
 */
@Component
class DeliveryRetention {

    static final String LEASE = "delivery-retention";
    private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

    private final DeliveryStore store;
    private final DeliveryViewProperties properties;
    private final Clock clock;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    DeliveryRetention(DeliveryStore store, DeliveryViewProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${app.delivery.retention-initial-delay:1m}", fixedDelayString = "${app.delivery.retention-interval:1h}")
    void scheduled() {
        runOnce();
    }

    /** On H2, compacts the database file for at most a minute when less than 70% of it is live data. */
    @Scheduled(initialDelayString = "${app.delivery.compaction-initial-delay:5m}", fixedDelayString = "${app.delivery.compaction-interval:5m}")
    void compactScheduled() {
        DeliveryStore.Compacted compacted = store.compactH2File(60_000);
        if (compacted != null && compacted.bytesAfter() != compacted.bytesBefore()) {
            log.info("H2 database file compacted from {} to {} bytes ({}% to {}% live data)", compacted.bytesBefore(), compacted.bytesAfter(),
                    compacted.livePercentBefore(), compacted.livePercentAfter());
        }
    }

    /** Removes what is older than the retention now; null when another instance is at it. */
    DeliveryStore.Purged runOnce() {
        long now = clock.millis();
        if (!store.tryLease(LEASE, owner, now, now + 3_600_000)) {
            return null;
        }
        try {
            long started = System.nanoTime();
            DeliveryStore.Purged purged = store.purgeBefore(now - properties.retention().toMillis(), properties.retentionBatch());
            if (purged.receipts() > 0 || purged.messages() > 0 || purged.partitionsDropped() > 0) {
                log.info("Delivery history retention ({} days): removed {} receipts, {} messages, {} weekly partitions in {} ms",
                        properties.retention().toDays(), purged.receipts(), purged.messages(), purged.partitionsDropped(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            long packStarted = System.nanoTime();
            int packed = store.packClosedWeeks(now);
            if (packed > 0) {
                log.info("Delivery history: receipt indexes of {} closed weeks rebuilt full in {} ms", packed, (System.nanoTime() - packStarted) / 1_000_000);
            }
            return purged;
        } finally {
            store.releaseLease(LEASE, owner);
        }
    }
}
