package com.example.smsconsole.support;

import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.DeliverySearch;
import com.example.smsconsole.deliverylog.DeliveryEventTypes;
import com.example.smsconsole.deliverylog.ReceiptGenerator;
import com.example.smsconsole.deliverylog.repository.DeliveryQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/**
 * Writes delivery receipts into the console's receipt log group in the emulator (as the
 * configuration set's event destination does) and waits until the running ingestion has stored
 * them.
 */
public final class DeliveryReceipts {

    private static final String STREAM = "sms-delivery-receipts/tests";

    private final CloudWatchLogsClient logs;
    private final String group;
    private final DeliveryQueries queries;

    public DeliveryReceipts(CloudWatchLogsClient logs, SmsResources resources, DeliveryQueries queries) {
        this.logs = logs;
        this.group = resources.deliveryLogGroup();
        this.queries = queries;
        try {
            logs.createLogStream(b -> b.logGroupName(group).logStreamName(STREAM));
        } catch (ResourceAlreadyExistsException e) {
            // another test made it
        }
    }

    /** A valid US number no other test writes receipts for. */
    public static String freshNumber() {
        return "+1206" + (2 + ThreadLocalRandom.current().nextInt(8)) + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /**
     * Writes the receipts of one message to {@code number}, in the given order and 400 ms apart
     * from {@code first}; the last is final unless it is queued, pending or only accepted by the carrier.
     *
     * @return the message id
     */
    public String message(String number, Instant first, String... types) {
        String id = UUID.randomUUID().toString();
        return write(id, new Send(number, "US", "+12065550142", null, "{\"ticket\":\"" + id.substring(0, 8) + "\"}"), first, types);
    }

    /**
     * What a send repeats in each of its receipts: the number and its country, the origination
     * identity, the configuration set when the writer names it ({@code configurationSetName}, not in
     * AWS's documented receipt; see decision 007) and the send's context as JSON.
     */
    public record Send(String number, String country, String origination, @Nullable String configurationSet, String context) {
    }

    /** As {@link #message(String, Instant, String...)}, for a send with these fields. */
    public String message(Send send, Instant first, String... types) {
        return write(UUID.randomUUID().toString(), send, first, types);
    }

    private String write(String id, Send send, Instant first, String... types) {
        var base = new ReceiptGenerator.Base(id, send.number(), send.country(), 1, "GSM", "TRANSACTIONAL", first.toEpochMilli() - 200, 0.00581,
                0.00302, send.origination(), send.context());
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            long at = first.toEpochMilli() + 400L * i;
            boolean isFinal = i == types.length - 1 && !DeliveryEventTypes.isInProgress(types[i]) && !DeliveryEventTypes.SUCCESSFUL.equals(types[i]);
            String json = ReceiptGenerator.json(base, types[i], isFinal, description(types[i]), at);
            if (send.configurationSet() != null) {
                json = "{\"configurationSetName\":\"" + send.configurationSet() + "\"," + json.substring(1);
            }
            events.add(InputLogEvent.builder().timestamp(at).message(json).build());
        }
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName(STREAM).logEvents(events));
        return id;
    }

    private static String description(String type) {
        return switch (type) {
            case "TEXT_QUEUED" -> "Message has been queued for delivery";
            case "TEXT_SUCCESSFUL" -> "Message has been accepted by phone carrier";
            case "TEXT_DELIVERED" -> "Message has been accepted by phone";
            case "TEXT_BLOCKED" -> "The message was blocked by the recipient's carrier or device";
            default -> "Receipt " + type;
        };
    }

    /** Waits (at most 20 s) until the store holds {@code count} receipts for the number. */
    public void awaitStored(String number, long count) {
        var filter = DeliverySearch.empty().withDestination(number);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        long stored = 0;
        while (Instant.now().isBefore(deadline)) {
            stored = queries.countEvents(filter);
            if (stored == count) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Expected " + count + " receipts for " + number + " to be ingested, found " + stored);
    }
}
