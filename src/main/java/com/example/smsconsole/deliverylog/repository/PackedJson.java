package com.example.smsconsole.deliverylog.repository;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A receipt's raw JSON as the store keeps it: UTF-8, deflated with a preset dictionary of the
 * keys and common values of AWS's SMS event JSON, behind one format byte. A receipt of about 650
 * characters packs into about a third of that; the text it gives back is the text it was given,
 * character for character. See docs/decisions/008-20261202-delivery-store-scale.md ("Footprint").
 */
final class PackedJson {

    /** Format 1: raw deflate (no zlib header or checksum) with {@link #DICTIONARY_1}. */
    private static final byte FORMAT_1 = 1;

    /**
     * The preset dictionary of format 1. Never change it: rows packed with it are read with it.
     * A new dictionary is a new format byte. Strings deflate finds here cost a back reference;
     * the most common ones are at the end (the shortest distances). Keys, order and values follow
     * AWS's SMS event example and event types
     * (https://docs.aws.amazon.com/sms-voice/latest/userguide/configuration-sets-event-format.html,
     * https://docs.aws.amazon.com/sms-voice/latest/userguide/configuration-sets-event-types.html).
     */
    private static final byte[] DICTIONARY_1 = ("\"TEXT_PENDING\",\"TEXT_TTL_EXPIRED\",\"TEXT_UNKNOWN\",\"TEXT_SPAM\",\"TEXT_INVALID\","
            + "\"TEXT_INVALID_MESSAGE\",\"TEXT_CARRIER_BLOCKED\",\"TEXT_CARRIER_UNREACHABLE\",\"TEXT_UNREACHABLE\",\"TEXT_BLOCKED\","
            + "\"TEXT_PROTECT_BLOCKED\",\"PENDING\",\"TTL_EXPIRED\",\"UNKNOWN\",\"SPAM\",\"INVALID\",\"CARRIER_BLOCKED\",\"CARRIER_UNREACHABLE\","
            + "\"UNREACHABLE\",\"BLOCKED\",\"configurationSetName\":\"\",\"context\":{\"\":\"\"},\"isoCountryCode\":\"US\",\"UNICODE\","
            + "\"carrierName\":\"\",\"PROMOTIONAL\",\"messageStatusDescription\":\"Message has been queued for delivery\","
            + "{\"eventType\":\"TEXT_QUEUED\",\"eventVersion\":\"1.0\",\"eventTimestamp\":17,\"isFinal\":false,\"messageStatus\":\"QUEUED\","
            + "{\"eventType\":\"TEXT_DELIVERED\",\"eventVersion\":\"1.0\",\"eventTimestamp\":17,\"isFinal\":true,\"messageStatus\":\"DELIVERED\","
            + "\"messageStatusDescription\":\"Message has been accepted by phone\"," 
            + "{\"eventType\":\"TEXT_SUCCESSFUL\",\"eventVersion\":\"1.0\",\"eventTimestamp\":17,\"isFinal\":false,"
            + "\"originationPhoneNumber\":\"+1\",\"destinationPhoneNumber\":\"+1\",\"isoCountryCode\":\"\",\"isInternationalSend\":false,"
            + "\"mcc\":\"310\",\"mnc\":\"\",\"carrierName\":\"\",\"messageId\":\"-\",\"messageRequestTimestamp\":17,"
            + "\"messageEncoding\":\"GSM\",\"messageType\":\"TRANSACTIONAL\",\"messageStatus\":\"SUCCESSFUL\","
            + "\"messageStatusDescription\":\"Message has been accepted by phone carrier\",\"context\":{\"\":\"\"},"
            + "\"totalMessageParts\":1,\"totalMessagePrice\":0.0,\"totalCarrierFee\":0.0}").getBytes(StandardCharsets.UTF_8);

    private PackedJson() {
    }

    static byte[] pack(String json) {
        if (json.isEmpty()) {
            return new byte[] {FORMAT_1};
        }
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setDictionary(DICTIONARY_1);
            deflater.setInput(text);
            deflater.finish();
            byte[] out = new byte[text.length + 64];
            out[0] = FORMAT_1;
            int length = 1;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return Arrays.copyOf(out, length);
        } finally {
            deflater.end();
        }
    }

    static String unpack(byte[] packed) {
        if (packed.length == 0 || packed[0] != FORMAT_1) {
            throw new IllegalArgumentException("unknown packed JSON format " + (packed.length == 0 ? "(empty)" : packed[0]));
        }
        if (packed.length == 1) {
            return "";
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(DICTIONARY_1);
            inflater.setInput(packed, 1, packed.length - 1);
            var out = new ByteArrayOutputStream(packed.length * 4);
            byte[] buffer = new byte[2048];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("packed JSON is cut short");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("packed JSON is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
