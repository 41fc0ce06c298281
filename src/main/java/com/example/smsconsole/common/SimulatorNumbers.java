package com.example.smsconsole.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AWS's SMS simulator numbers, as the console knows them: the destination simulator numbers by
 * country (one that gives success events, one that gives failure events) and the countries where
 * AWS offers origination simulator numbers. Read from {@code sending/simulator-numbers.json}, which
 * is written from AWS's user guide page (its address and the date it was read are in the file). The
 * console keeps its own table on purpose: the emulator has another, so neither can vouch for a
 * mistake of the other.
 */
public final class SimulatorNumbers {

    private static final SimulatorNumbers AWS = new SimulatorNumbers();

    /** The table as read from the class path once. */
    public static SimulatorNumbers aws() {
        return AWS;
    }

    /** One destination simulator number. */
    public record Destination(String number, String country, String countryName, boolean success) {

        /** "success" or "failure". */
        public String outcome() {
            return success ? "success" : "failure";
        }
    }

    private final Map<String, Destination> byNumber = new HashMap<>();
    private final List<Destination> all = new ArrayList<>();
    private final Set<String> originationCountries = new TreeSet<>();
    private final String source;
    private final String readOn;

    private SimulatorNumbers() {
        try (InputStream in = SimulatorNumbers.class.getResourceAsStream("/sending/simulator-numbers.json")) {
            if (in == null) {
                throw new IllegalStateException("sending/simulator-numbers.json is missing from the class path");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            for (JsonNode row : root.path("destinations")) {
                String country = row.path("country").asString();
                String name = row.path("name").asString();
                add(new Destination(row.path("success").asString(), country, name, true));
                add(new Destination(row.path("failure").asString(), country, name, false));
            }
            root.path("originationCountries").forEach(c -> originationCountries.add(c.asString()));
            this.source = root.path("source").asString();
            this.readOn = root.path("readOn").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Destination destination) {
        all.add(destination);
        byNumber.put(destination.number(), destination);
    }

    /** The destination simulator number, when {@code e164} is one. */
    public Optional<Destination> destination(String e164) {
        return Optional.ofNullable(byNumber.get(e164));
    }

    /** Every destination simulator number, in the order of AWS's table (success before failure). */
    public List<Destination> destinations() {
        return List.copyOf(all);
    }

    /** ISO codes of the countries with destination simulator numbers. */
    public Set<String> destinationCountries() {
        Set<String> countries = new TreeSet<>();
        all.forEach(d -> countries.add(d.country()));
        return countries;
    }

    /** ISO codes of the countries where AWS offers origination simulator numbers (the United States only, today). */
    public Set<String> originationCountries() {
        return Set.copyOf(originationCountries);
    }

    public String source() {
        return source;
    }

    public String readOn() {
        return readOn;
    }
}
