package com.example.smsconsole.deliverylog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Realistic delivery receipts in the event JSON AWS writes: messages spread over a time window,
 * destinations from a pool weighted by country, most delivered (queued, successful, delivered),
 * some failed with the documented failure types, a few never final. Deterministic for a seed.
 * Emits events in time order.
 */
public final class ReceiptGenerator {

    /** One generated log event. */
    record Receipt(long timestamp, String stream, String message, String messageId, String destination, String type) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final String[] US_AREAS = {"206", "425", "253", "360", "212", "646", "718", "917", "312", "773", "415", "510", "650",
        "213", "310", "305", "512", "617", "702", "303"};
    private static final String[] FAILURES = {"TEXT_BLOCKED", "TEXT_UNREACHABLE", "TEXT_CARRIER_UNREACHABLE", "TEXT_INVALID", "TEXT_SPAM",
        "TEXT_TTL_EXPIRED", "TEXT_UNKNOWN", "TEXT_CARRIER_BLOCKED"};
    private static final String[] FAILURE_TEXT = {"The message was blocked by the recipient's carrier or device",
        "The recipient's phone is switched off or out of coverage", "The carrier network is temporarily unreachable",
        "The destination phone number is invalid", "The carrier flagged the message as unsolicited",
        "The message could not be delivered within its time to live", "The message failed for an unknown reason",
        "The carrier blocked the message"};

    private record Country(String code, String dial, double weight, double price) {
    }

    private static final Country[] COUNTRIES = {new Country("US", "+1", 0.70, 0.00581), new Country("CA", "+1", 0.05, 0.0075),
        new Country("GB", "+44", 0.08, 0.0388), new Country("AU", "+61", 0.03, 0.0414), new Country("FR", "+33", 0.03, 0.0746),
        new Country("ES", "+34", 0.03, 0.0726), new Country("DE", "+49", 0.03, 0.1088), new Country("MX", "+52", 0.02, 0.042),
        new Country("IN", "+91", 0.02, 0.0023), new Country("BR", "+55", 0.01, 0.0235)};

    private final Random random;
    private final String[] numbers;
    private final String[] numberCountries;

    ReceiptGenerator(long seed, int distinctNumbers) {
        this.random = new Random(seed);
        this.numbers = new String[distinctNumbers];
        this.numberCountries = new String[distinctNumbers];
        for (int i = 0; i < distinctNumbers; i++) {
            Country c = pickCountry();
            numberCountries[i] = c.code();
            numbers[i] = switch (c.code()) {
                case "US" -> "+1" + US_AREAS[random.nextInt(US_AREAS.length)] + (2 + random.nextInt(8)) + digits(6);
                case "CA" -> "+1" + (random.nextBoolean() ? "416" : "604") + (2 + random.nextInt(8)) + digits(6);
                case "GB" -> "+447" + (4 + random.nextInt(6)) + digits(8);
                case "AU" -> "+614" + digits(8);
                case "FR" -> "+336" + digits(8);
                case "ES" -> "+346" + digits(8);
                case "DE" -> "+4915" + digits(9);
                case "MX" -> "+521" + digits(10);
                case "IN" -> "+919" + digits(9);
                default -> "+5511" + "9" + digits(8);
            };
        }
    }

    /** A destination that receives many messages (for searches by full number). */
    String busyNumber() {
        return numbers[0];
    }

    /**
     * Generates about {@code events} receipts between {@code from} and {@code to}, in time order.
     *
     * @return the message ids, in send order
     */
    List<String> generate(int events, Instant from, Instant to, Consumer<Receipt> sink) {
        int messages = (int) Math.round(events / 2.87);
        long start = from.toEpochMilli();
        long span = to.toEpochMilli() - start - 60_000;
        List<String> ids = new ArrayList<>(messages);
        var pending = new PriorityQueue<Receipt>((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
        int emitted = 0;
        for (int m = 0; m < messages; m++) {
            long requested = start + (long) ((double) m / messages * span) + random.nextInt(500);
            while (!pending.isEmpty() && pending.peek().timestamp() <= requested) {
                sink.accept(pending.poll());
                emitted++;
            }
            int n = random.nextDouble() < 0.15 ? 0 : random.nextInt(numbers.length);
            String id = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            ids.add(id);
            String destination = numbers[n];
            String country = numberCountries[n];
            Country c = java.util.Arrays.stream(COUNTRIES).filter(x -> x.code().equals(country)).findFirst().orElseThrow();
            int parts = random.nextDouble() < 0.85 ? 1 : random.nextDouble() < 0.8 ? 2 : 3 + random.nextInt(2);
            boolean unicode = random.nextDouble() < 0.1;
            String type = random.nextDouble() < 0.8 ? "TRANSACTIONAL" : "PROMOTIONAL";
            var base = new Base(id, destination, country, parts, unicode ? "UNICODE" : "GSM", type, requested,
                    Math.round(parts * c.price() * 1e5) / 1e5, "US".equals(country) ? Math.round(parts * 0.00302 * 1e5) / 1e5 : 0.0,
                    "+1206555" + String.format("%04d", 100 + random.nextInt(3)), random.nextDouble() < 0.3 ? "{\"account\":\"a" + random.nextInt(50) + "\"}" : null);
            double outcome = random.nextDouble();
            long t = requested + 150 + random.nextInt(300);
            pending.add(event(base, "TEXT_QUEUED", false, "Message has been queued for delivery", t));
            if (outcome < 0.88) {
                long s = t + 500 + random.nextInt(2000);
                pending.add(event(base, "TEXT_SUCCESSFUL", false, "Message has been accepted by phone carrier", s));
                pending.add(event(base, "TEXT_DELIVERED", true, "Message has been accepted by phone", s + 1000 + random.nextInt(10_000)));
            } else if (outcome < 0.98) {
                int f = random.nextInt(FAILURES.length);
                pending.add(event(base, FAILURES[f], true, FAILURE_TEXT[f], t + 500 + random.nextInt(5000)));
            } else if (outcome < 0.99) {
                pending.add(event(base, "TEXT_SUCCESSFUL", false, "Message has been accepted by phone carrier", t + 800));
            }
        }
        while (!pending.isEmpty()) {
            sink.accept(pending.poll());
            emitted++;
        }
        return ids;
    }

    /** What every receipt of one sent message shares. */
    public record Base(String id, String destination, String country, int parts, String encoding, String type, long requested, double price,
            double carrierFee, String origination, String context) {
    }

    private Receipt event(Base b, String eventType, boolean isFinal, String description, long at) {
        return new Receipt(at, "sms-delivery-receipts/" + DAY.format(Instant.ofEpochMilli(at)), json(b, eventType, isFinal, description, at), b.id(),
                b.destination(), eventType);
    }

    /** A receipt as the configuration set's CloudWatch Logs event destination writes it. */
    public static String json(Base b, String eventType, boolean isFinal, String description, long at) {
        return "{\"eventType\":\"" + eventType + "\",\"eventVersion\":\"1.0\",\"eventTimestamp\":" + at + ",\"isFinal\":" + isFinal
                + ",\"originationPhoneNumber\":\"" + b.origination() + "\",\"destinationPhoneNumber\":\"" + b.destination()
                + "\",\"isoCountryCode\":\"" + b.country() + "\",\"isInternationalSend\":" + !"US".equals(b.country())
                + ",\"mcc\":\"310\",\"mnc\":\"410\",\"carrierName\":\"Carrier " + b.country() + "\",\"messageId\":\"" + b.id()
                + "\",\"messageRequestTimestamp\":" + b.requested() + ",\"messageEncoding\":\"" + b.encoding() + "\",\"messageType\":\"" + b.type()
                + "\",\"messageStatus\":\"" + eventType.substring(5) + "\",\"messageStatusDescription\":\"" + description + "\""
                + (b.context() == null ? "" : ",\"context\":" + b.context())
                + ",\"totalMessageParts\":" + b.parts() + ",\"totalMessagePrice\":" + b.price() + ",\"totalCarrierFee\":" + b.carrierFee() + "}";
    }

    private Country pickCountry() {
        double r = random.nextDouble();
        double sum = 0;
        for (Country c : COUNTRIES) {
            sum += c.weight();
            if (r < sum) {
                return c;
            }
        }
        return COUNTRIES[0];
    }

    private String digits(int n) {
        var out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    static String failures() {
        return String.join(",", FAILURES).toLowerCase(Locale.ROOT);
    }

    static List<String> failureTypes() {
        return List.of(FAILURES);
    }
}
