package com.example.smsconsole.emulator;

import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.example.smsconsole.emulator.sms.SmsState;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
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
 *
 * <p>Only the machine itself may use them: a request must name the loopback address the emulator
 * listens on in its {@code Host} header (so a DNS-rebinding page, whose requests carry its own host
 * name, is refused), must not come from another origin ({@code Origin} or
 * {@code Sec-Fetch-Site: cross-site}/{@code same-site}), and a body must be {@code application/json}
 * (a web page's "simple" {@code text/plain} POST is refused before anything happens). Refusals are
 * 403 (or 415 for the content type) and change nothing. No CORS header is ever sent, so a browser
 * never lets another page read an answer.
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
            String refusal = refusal(exchange);
            if (refusal != null) {
                exchange.getRequestBody().readAllBytes();
                write(exchange, refusal.startsWith("415") ? 415 : 403, error(refusal.substring(4)));
                return;
            }
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

    /** Why the request is refused ("403 ..." or "415 ..."), or null when it comes from this machine. */
    private @Nullable String refusal(HttpExchange exchange) {
        Headers headers = exchange.getRequestHeaders();
        int port = exchange.getLocalAddress().getPort();
        Set<String> hosts = allowedHosts(exchange.getLocalAddress().getAddress(), port);
        String host = headers.getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return "403 The emulator's control API answers only requests to " + String.join(" or ", new TreeSet<>(hosts)) + " (Host was "
                    + (host == null ? "missing" : host) + ").";
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !hosts.contains(origin.toLowerCase(Locale.ROOT).replaceFirst("^https?://", ""))) {
            return "403 The emulator's control API refuses cross-origin requests (Origin " + origin + ").";
        }
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return "403 The emulator's control API refuses cross-site requests (Sec-Fetch-Site " + site + ").";
        }
        String method = exchange.getRequestMethod();
        if (!Set.of("GET", "POST", "DELETE").contains(method)) {
            return "403 The emulator's control API does not answer " + method + " requests.";
        }
        String type = headers.getFirst("Content-Type");
        boolean hasBody = "POST".equals(method) || headers.getFirst("Content-Length") != null && !"0".equals(headers.getFirst("Content-Length"));
        if (hasBody && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            return "415 The emulator's control API takes application/json bodies only.";
        }
        return null;
    }

    /**
     * host:port forms a request may name: the loopback names (a page of another site cannot make a
     * browser send them, so DNS rebinding cannot reach past this check) and the literal address the
     * request arrived on (for a published container port).
     */
    private static Set<String> allowedHosts(InetAddress local, int port) {
        Set<String> hosts = new java.util.HashSet<>(Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port));
        String literal = local instanceof Inet6Address ? "[" + local.getHostAddress().replaceFirst("%.*$", "") + "]" : local.getHostAddress();
        hosts.add(literal + ":" + port);
        return hosts;
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
