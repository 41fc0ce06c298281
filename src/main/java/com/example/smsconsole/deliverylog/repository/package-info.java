/** Storage of delivery receipts, per-message state, hourly counts and ingestion state (plain JDBC). */
@NullMarked
package com.example.smsconsole.deliverylog.repository;

import org.jspecify.annotations.NullMarked;
