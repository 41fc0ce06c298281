package com.example.smsconsole.emulator;

import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.example.smsconsole.emulator.sms.SmsState;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's own endpoints under {@code /_emulator/}, for people and scripts that test
 * against it (not part of any AWS API):
 * <ul>
 *   <li>{@code GET health}</li>
 *   <li>{@code GET handsets}: every simulated handset with its messages;
 *       {@code POST handsets/reply} {@code {"from","to","text"}}: a handset replies (STOP, HELP, ...)</li>
 *   <li>{@code GET|POST|DELETE faults}: list, add ({@code {"service","operation","kind","times","latencyMillis","after","requestContains"}}), clear</li>
 *   <li>{@code POST registrations/review} {@code {"registrationId","outcomes":["DENIED","APPROVED"]}}</li>
 *   <li>{@code POST clock/advance} {@code {"seconds":600}}</li>
 *   <li>{@code GET coverage}: per service, the model's operations and those the emulator implements</li>
 * </ul>
 */
final class ControlEndpoint implements HttpHandler {

    private final AwsEmulator emulator;
    private final JsonMapper mapper;

    ControlEndpoint(AwsEmulator emulator, JsonMapper mapper) {
        this.emulator = emulator;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/_emulator/".length());
            String method = exchange.getRequestMethod();
            JsonNode body;
            try {
                byte[] bytes = exchange.getRequestBody().readAllBytes();
                body = bytes.length == 0 ? mapper.createObjectNode() : mapper.readTree(bytes);
            } catch (JacksonException e) {
                write(exchange, 400, error("The body is not JSON."));
                return;
            }
            try {
                JsonNode answer = route(method, path, body);
                if (answer == null) {
                    write(exchange, 404, error("No such emulator endpoint: " + method + " /_emulator/" + path));
                } else {
                    write(exchange, 200, answer);
                }
            } catch (IllegalArgumentException e) {
                write(exchange, 400, error(e.getMessage()));
            }
        }
    }

    private JsonNode route(String method, String path, JsonNode body) {
        return switch (method + " " + path) {
            case "GET health" -> mapper.createObjectNode().put("status", "UP").put("endpoint", emulator.baseUri().toString());
            case "GET coverage" -> coverage();
            case "GET handsets" -> handsets();
            case "POST handsets/reply" -> {
                SmsState.HandsetMessage message = emulator.sms().reply(required(body, "from"), required(body, "to"), required(body, "text"));
                yield mapper.valueToTree(message);
            }
            case "GET faults" -> mapper.valueToTree(emulator.faults().rules());
            case "POST faults" -> {
                var rule = new FaultInjector.Rule(body.path("service").asString("*"), body.path("operation").asString("*"),
                        FaultInjector.Kind.valueOf(required(body, "kind").toUpperCase(Locale.ROOT)), body.path("times").asInt(0),
                        body.path("latencyMillis").asLong(0), body.path("after").asInt(0),
                        body.hasNonNull("requestContains") ? body.path("requestContains").asString() : null);
                emulator.faults().add(rule);
                yield mapper.valueToTree(rule);
            }
            case "DELETE faults" -> {
                emulator.faults().clear();
                yield mapper.createObjectNode().put("cleared", true);
            }
            case "POST registrations/review" -> {
                List<String> outcomes = new java.util.ArrayList<>();
                body.path("outcomes").forEach(o -> outcomes.add(o.asString()));
                emulator.sms().steerReview(required(body, "registrationId"), outcomes);
                yield mapper.createObjectNode().put("registrationId", required(body, "registrationId"));
            }
            case "POST clock/advance" -> {
                emulator.clock().advance(Duration.ofSeconds(body.path("seconds").asLong(0)));
                emulator.sms().tick();
                yield mapper.createObjectNode().put("now", emulator.clock().instant().toString());
            }
            default -> null;
        };
    }

    private ObjectNode coverage() {
        ObjectNode out = mapper.createObjectNode();
        ArrayNode services = out.putArray("services");
        for (var service : emulator.coverage()) {
            ObjectNode node = services.addObject();
            node.put("targetPrefix", service.targetPrefix());
            node.put("signingName", service.signingName());
            node.put("modelled", service.modelled().size());
            node.put("implemented", service.implemented().size());
            var missing = new TreeSet<>(service.modelled());
            missing.removeAll(service.implemented());
            node.set("implementedOperations", mapper.valueToTree(service.implemented()));
            node.set("notImplemented", mapper.valueToTree(missing));
        }
        return out;
    }

    private ArrayNode handsets() {
        ArrayNode array = mapper.createArrayNode();
        for (SmsState.Handset handset : emulator.sms().handsets()) {
            array.add(mapper.valueToTree(handset));
        }
        return array;
    }

    private static String required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw new IllegalArgumentException("Missing '" + field + "'.");
        }
        return value.asString();
    }

    private ObjectNode error(String message) {
        return mapper.createObjectNode().put("error", message);
    }

    private void write(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
