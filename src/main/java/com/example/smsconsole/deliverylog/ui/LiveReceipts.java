package com.example.smsconsole.deliverylog.ui;

import com.example.smsconsole.deliverylog.DeliveryEventsIngested;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the open delivery-history pages in live mode as soon as an ingestion run stored new
 * receipts, so they show them at once (pushed) instead of on their next timer tick.
 */
@Component
class LiveReceipts {

    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

    /** Registers a listener (called on the ingestion thread: it must only queue work on its page). */
    Runnable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void ingested(DeliveryEventsIngested event) {
        listeners.forEach(Runnable::run);
    }
}
