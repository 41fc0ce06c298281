package com.example.smsconsole.emulator.sms;

/** Where delivery receipts go: the emulated CloudWatch Logs. */
@FunctionalInterface
public interface ReceiptSink {

    /**
     * Appends one event to a log group, creating the stream if needed.
     *
     * @return false when the log group does not exist (the receipt is lost, as with AWS)
     */
    boolean append(String logGroupName, String logStreamName, long timestamp, String message);
}
