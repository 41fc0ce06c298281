package com.example.smsconsole.sending;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound SMS prices per message part by destination country, from {@code sending/sms-prices.json}
 * (with the date they were read and their source), for a cost estimate before sending.
 */
@Component
public class PriceTable {

    /** A country's price per part: the AWS base price and the carrier fee. */
    public record PartPrice(BigDecimal base, BigDecimal carrierFee) {
        public BigDecimal total() {
            return base.add(carrierFee);
        }
    }

    private final Map<String, PartPrice> byCountry = new HashMap<>();
    private final PartPrice other;
    private final LocalDate asOf;
    private final String source;

    public PriceTable() {
        try (InputStream in = PriceTable.class.getResourceAsStream("/sending/sms-prices.json")) {
            if (in == null) {
                throw new IllegalStateException("sending/sms-prices.json is missing from the class path");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            root.path("countries").properties().forEach(e -> byCountry.put(e.getKey(), price(e.getValue())));
            this.other = price(root.path("other"));
            this.asOf = LocalDate.parse(root.path("asOf").asString());
            this.source = root.path("source").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PartPrice price(JsonNode node) {
        return new PartPrice(node.path("base").decimalValue(), node.path("carrierFee").decimalValue());
    }

    /** The price per part for an ISO country code; the table's "other" price when it lists no such country. */
    public PartPrice perPart(String isoCountry) {
        return byCountry.getOrDefault(isoCountry, other);
    }

    public boolean lists(String isoCountry) {
        return byCountry.containsKey(isoCountry);
    }

    /** Estimated cost in USD of a message of {@code parts} parts, rounded to 5 decimals. */
    public BigDecimal estimate(String isoCountry, int parts) {
        return perPart(isoCountry).total().multiply(BigDecimal.valueOf(parts)).setScale(5, RoundingMode.HALF_UP);
    }

    public LocalDate asOf() {
        return asOf;
    }

    public String source() {
        return source;
    }
}
