package com.example.smsconsole.deliverylog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The stored form of a message's key list: each entry a type code and the key in base 36. The codes
 * here are written out as stored, so a change to the code table that would misread stored lists fails.
 */
class ReceiptKeysTest {

    // a receipt of 2026-11-17T00:00:00Z (1,763,337,600,000 ms) whose id hashes to 0x1ABCD
    static final long KEY = 1_763_337_600_000L << EventKeys.HASH_BITS | 0x1ABCD;

    @Test
    void an_entry_is_the_types_code_and_the_key_in_base_36() {
        String base36 = Long.toString(KEY, 36);
        assertThat(base36).hasSize(12);
        assertThat(ReceiptKeys.entry(KEY, "TEXT_QUEUED")).isEqualTo("c" + base36);
        assertThat(ReceiptKeys.entry(KEY, "TEXT_DELIVERED")).isEqualTo("e" + base36);
        assertThat(ReceiptKeys.entry(KEY, "MEDIA_FILE_SIZE_EXCEEDED")).isEqualTo("M" + base36);
        assertThat(ReceiptKeys.entry(KEY, "TEXT_NOT_YET_KNOWN")).isEqualTo("_" + base36);
    }

    @Test
    void a_list_reads_back_its_keys_and_types_each_key_once() {
        String list = String.join(",", ReceiptKeys.entry(KEY, "TEXT_QUEUED"), ReceiptKeys.entry(KEY + 5, "TEXT_SUCCESSFUL"),
                ReceiptKeys.entry(KEY, "TEXT_QUEUED"), ReceiptKeys.entry(KEY + 9, "VOICE_BUSY"), ReceiptKeys.entry(KEY + 12, "SOMETHING_NEW"));
        var parsed = ReceiptKeys.parse(list);
        assertThat(parsed.complete()).isTrue();
        assertThat(parsed.entries()).containsExactly(new ReceiptKeys.Entry(KEY, "TEXT_QUEUED"), new ReceiptKeys.Entry(KEY + 5, "TEXT_SUCCESSFUL"),
                new ReceiptKeys.Entry(KEY + 9, "VOICE_BUSY"), new ReceiptKeys.Entry(KEY + 12, null));
        assertThat(ReceiptKeys.lowest(list)).hasValue(KEY);
    }

    @Test
    void a_list_written_before_types_were_kept_reads_as_keys_of_unknown_type() {
        String old = KEY + "," + (KEY + 5);
        assertThat(ReceiptKeys.parse(old).entries()).containsExactly(new ReceiptKeys.Entry(KEY, null), new ReceiptKeys.Entry(KEY + 5, null));
        String mixed = old + "," + ReceiptKeys.entry(KEY + 7, "TEXT_DELIVERED");
        assertThat(ReceiptKeys.parse(mixed).keys()).containsExactly(KEY, KEY + 5, KEY + 7);
        assertThat(ReceiptKeys.parse(mixed).entries().getLast().type()).isEqualTo("TEXT_DELIVERED");
    }

    @Test
    void a_list_longer_than_its_column_keeps_its_first_entries_and_the_cut_marker() {
        List<String> entries = java.util.stream.LongStream.range(0, 400).mapToObj(i -> ReceiptKeys.entry(KEY + i, "TEXT_PENDING")).toList();
        String limited = ReceiptKeys.limit(String.join(",", entries), 4000);
        assertThat(limited.length()).isLessThanOrEqualTo(4000);
        var parsed = ReceiptKeys.parse(limited);
        assertThat(parsed.complete()).isFalse();
        assertThat(parsed.keys()).isEqualTo(java.util.stream.LongStream.range(0, parsed.keys().size()).mapToObj(i -> KEY + i).toList());
        assertThat(limited.length() + ",".length() + entries.getFirst().length()).as("as many entries as fit beside the marker")
                .isGreaterThan(4000);
        assertThat(ReceiptKeys.parse(ReceiptKeys.limit(limited + "," + ReceiptKeys.entry(KEY + 500, "TEXT_PENDING"), 4000)).complete()).isFalse();
        assertThat(ReceiptKeys.limit("b" + Long.toString(KEY, 36), 4000)).isEqualTo("b" + Long.toString(KEY, 36));
    }
}
