/**
 * Delivery history: receipts ingested from the CloudWatch Logs delivery-receipt log group into the
 * console's store by a scheduled, lease-guarded job, and searched there (by event type, number,
 * message id, country and time), never live against CloudWatch Logs.
 */
@NullMarked
package com.example.smsconsole.deliverylog;

import org.jspecify.annotations.NullMarked;
