package com.example.smsconsole.deliverylog;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.repository.DeliveryQueries;
import com.example.smsconsole.support.ConsoleTest;
import com.example.smsconsole.support.DeliveryReceipts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CSV export read back: receipts written to the log group as AWS's CloudWatch Logs event
 * destination writes them (field names from the AWS End User Messaging SMS user guide, "SMS events":
 * {@code originationPhoneNumber}, {@code context}; {@code configurationSetName} where the writer
 * names it, see decision 007) come out with those values in their columns.
 */
@ConsoleTest
@WithMockUser(username = "support", roles = "SUPPORT")
class DeliveryCsvExportTest {

    @Autowired
    DeliveryLogService service;
    @Autowired
    DeliveryQueries queries;
    @Autowired
    CloudWatchLogsClient logs;
    @Autowired
    SmsResources resources;

    @Test
    void the_origination_configuration_set_and_context_of_a_receipt_are_read_back_from_the_export() {
        var receipts = new DeliveryReceipts(logs, resources, queries);
        String number = DeliveryReceipts.freshNumber();
        // recent, so that ingestion (which reads back only its overlap window) picks them up
        String messageId = receipts.message(new DeliveryReceipts.Send(number, "US", "+18445550187", "orders-cs", "{\"orderId\":\"A-1\"}"),
                Instant.now().minusSeconds(20), "TEXT_QUEUED", "TEXT_DELIVERED");
        receipts.awaitStored(number, 2);

        var out = new ByteArrayOutputStream();
        int rows = service.exportCsv(DeliverySearch.empty().withDestination(number), out);

        List<Map<String, String>> read = parse(out.toString(StandardCharsets.UTF_8));
        assertThat(rows).isEqualTo(2);
        assertThat(read).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("message_id")).isEqualTo(messageId);
            assertThat(row.get("destination")).isEqualTo(number);
            assertThat(row.get("origination")).isEqualTo("+18445550187");
            assertThat(row.get("configuration_set")).isEqualTo("orders-cs");
            assertThat(JsonMapper.shared().readTree(row.get("context"))).isEqualTo(JsonMapper.shared().readTree("{\"orderId\":\"A-1\"}"));
        });
        assertThat(read).extracting(row -> row.get("event_type")).containsExactlyInAnyOrder("TEXT_QUEUED", "TEXT_DELIVERED");
    }

    /** RFC 4180: CRLF between records, fields in double quotes may hold commas, quotes (doubled) and line breaks. */
    static List<Map<String, String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("the export ends with CRLF").isEmpty();
        assertThat(record).isEmpty();
        List<String> header = records.getFirst();
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            assertThat(r).as("cells per row").hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
