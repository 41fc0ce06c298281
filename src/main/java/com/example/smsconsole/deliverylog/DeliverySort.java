package com.example.smsconsole.deliverylog;

import org.jspecify.annotations.Nullable;

/**
 * The order of a page of receipts: by time (the key) or by a column, then by time in the same
 * direction. Sorted on the server, over every receipt that matches.
 *
 * @param column what receipts are ordered by
 * @param ascending smallest first; a receipt without a value (no country) sorts as the largest
 */
public record DeliverySort(Column column, boolean ascending) {

    /** What receipts can be ordered by, and the receipt column behind it. */
    public enum Column {
        TIME(null),
        NUMBER("destination"),
        TYPE("event_type"),
        COUNTRY("country");

        private final @Nullable String eventColumn;

        Column(@Nullable String eventColumn) {
            this.eventColumn = eventColumn;
        }

        public @Nullable String eventColumn() {
            return eventColumn;
        }
    }

    public static final DeliverySort NEWEST_FIRST = new DeliverySort(Column.TIME, false);

    public static DeliverySort byTime(boolean newestFirst) {
        return new DeliverySort(Column.TIME, !newestFirst);
    }
}
