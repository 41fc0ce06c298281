package com.example.smsconsole.deliverylog;

import java.time.Instant;

/** Published after a run stored new receipts, so open views can show them at once. */
public record DeliveryEventsIngested(int inserted, Instant at) {
}
