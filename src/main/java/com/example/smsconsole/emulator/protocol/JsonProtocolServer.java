package com.example.smsconsole.emulator.protocol;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's HTTP listener. {@code POST /} is dispatched on {@code X-Amz-Target}
 * ({@code <TargetPrefix>.<Operation>}) to the emulated service that owns the prefix; every answer
 * carries an {@code x-amzn-RequestId}; failures are AWS error documents, never stack traces.
 * Paths under {@code /_emulator/} are the emulator's own control endpoints.
 */
public final class JsonProtocolServer {

    private static final Logger log = LoggerFactory.getLogger(JsonProtocolServer.class);
    private static final int MAX_BODY = 10 * 1024 * 1024;

    private final Map<String, EmulatedService> services = new LinkedHashMap<>();
    private final Map<String, ModelValidator> validators = new LinkedHashMap<>();
    private final JsonMapper mapper;
    private final @Nullable SigV4Verifier verifier;
    private final FaultInjector faults;
    private final Clock clock;
    private final boolean strict;
    private @Nullable HttpServer server;
    private @Nullable ExecutorService executor;

    public JsonProtocolServer(JsonMapper mapper, @Nullable SigV4Verifier verifier, FaultInjector faults, Clock clock, boolean strict) {
        this.mapper = mapper;
        this.verifier = verifier;
        this.faults = faults;
        this.clock = clock;
        this.strict = strict;
    }

    public JsonProtocolServer register(EmulatedService service) {
        services.put(service.model().targetPrefix(), service);
        validators.put(service.model().targetPrefix(), new ModelValidator(service.model()));
        return this;
    }

    /** Starts listening; port 0 picks a free port. */
    public void start(String host, int port, @Nullable HttpHandler control) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 128);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        if (control != null) {
            http.createContext("/_emulator/", control);
        }
        http.start();
        server = http;
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** Per emulated service: the model's operations and which of them the emulator implements. */
    public record Coverage(String targetPrefix, String signingName, java.util.SortedSet<String> modelled, java.util.SortedSet<String> implemented) {
    }

    public List<Coverage> coverage() {
        List<Coverage> out = new java.util.ArrayList<>();
        for (EmulatedService service : services.values()) {
            var modelled = new java.util.TreeSet<>(service.model().operationNames());
            var implemented = new java.util.TreeSet<>(service.operations().keySet());
            implemented.retainAll(modelled);
            out.add(new Coverage(service.model().targetPrefix(), service.model().signingName(), modelled, implemented));
        }
        return out;
    }

    public URI baseUri() {
        if (server == null) {
            throw new IllegalStateException("The emulator is not running");
        }
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
        return URI.create("http://" + host + ":" + address.getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                if ("GET".equals(exchange.getRequestMethod()) && "/".equals(exchange.getRequestURI().getPath())) {
                    writeJson(exchange, 200, requestId, "application/json", info());
                } else {
                    writeError(exchange, requestId, "application/x-amz-json-1.1", false,
                            new AwsFault("UnknownOperationException", 404, "Only POST / is served here.", Map.of()));
                }
                return;
            }
            byte[] body;
            try {
                body = readBody(exchange.getRequestBody());
            } catch (AwsFault tooLarge) {
                writeError(exchange, requestId, "application/x-amz-json-1.1", false, tooLarge);
                return;
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            int dot = target == null ? -1 : target.indexOf('.');
            EmulatedService service = dot < 0 ? null : services.get(target.substring(0, dot));
            if (service == null) {
                writeError(exchange, requestId, "application/x-amz-json-1.1", false,
                        new AwsFault("UnknownOperationException", 400, "", Map.of()));
                return;
            }
            boolean logs = service.model().signingName().equals("logs");
            String contentType = service.model().contentType();
            String operationName = target.substring(dot + 1);
            try {
                dispatch(exchange, requestId, service, operationName, body);
            } catch (AwsFault fault) {
                if (fault.status() >= 500) {
                    log.debug("Emulated {} {} answered {}: {}", service.model().signingName(), operationName, fault.type(), fault.getMessage());
                }
                writeError(exchange, requestId, contentType, logs, fault);
            } catch (RuntimeException e) {
                log.error("Emulator failure in {} {}", service.model().signingName(), operationName, e);
                writeError(exchange, requestId, contentType, logs, logs
                        ? AwsFault.logsUnavailable("The emulator failed to process the request.")
                        : AwsFault.internal("The emulator failed to process the request.", requestId));
            }
        } catch (IOException e) {
            log.debug("Emulator client went away: {}", e.getMessage());
        }
    }

    private void dispatch(HttpExchange exchange, String requestId, EmulatedService service, String operationName, byte[] body) throws IOException {
        ServiceModel model = service.model();
        if (verifier != null) {
            verifier.verify("POST", exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body, model.signingName());
        }
        Operation operation = service.operations().get(operationName);
        if (!model.hasOperation(operationName)) {
            throw new AwsFault("UnknownOperationException", 400, "", Map.of());
        }
        if (operation == null) {
            throw AwsFault.notImplemented(model.targetPrefix() + "." + operationName);
        }
        faults.apply(model.signingName(), operationName, new String(body, java.nio.charset.StandardCharsets.UTF_8), requestId);
        JsonNode input;
        try {
            input = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (JacksonException e) {
            throw new AwsFault("SerializationException", 400, "Start of structure or map found where not expected.", Map.of());
        }
        if (input == null || !input.isObject()) {
            throw new AwsFault("SerializationException", 400, "Start of structure or map found where not expected.", Map.of());
        }
        String inputShape = model.inputShape(operationName);
        if (inputShape != null) {
            List<ModelValidator.Violation> violations = validators.get(model.targetPrefix()).validate(inputShape, input);
            if (!violations.isEmpty()) {
                throw service.invalidInput(violations);
            }
        }
        Object result = operation.handle(input, new CallContext(requestId, model.signingName(), operationName, clock.instant()));
        if (result instanceof StreamingResponse streaming) {
            exchange.getResponseHeaders().set("Content-Type", model.contentType());
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody(); JsonGenerator generator = mapper.createGenerator(out)) {
                streaming.write(generator);
            }
            return;
        }
        JsonNode response = result == null ? mapper.createObjectNode() : (JsonNode) result;
        String outputShape = model.outputShape(operationName);
        if (strict && outputShape != null) {
            List<ModelValidator.Violation> violations = validators.get(model.targetPrefix()).validate(outputShape, response);
            if (!violations.isEmpty()) {
                String detail = violations.stream().map(v -> v.path() + ": " + v.message()).collect(Collectors.joining("; "));
                log.error("Emulator response for {} does not match the model: {}", operationName, detail);
                throw AwsFault.internal("Emulator response does not match the service model: " + detail, requestId);
            }
        }
        writeJson(exchange, 200, requestId, model.contentType(), response);
    }

    private JsonNode info() {
        ObjectNode info = mapper.createObjectNode();
        info.put("emulator", "SMS console local AWS emulator");
        var targets = info.putArray("targets");
        services.values().forEach(s -> targets.add(s.model().targetPrefix() + " (" + s.model().contentType() + ", SigV4 service '" + s.model().signingName() + "')"));
        return info;
    }

    private void writeError(HttpExchange exchange, String requestId, String contentType, boolean logsStyle, AwsFault fault) throws IOException {
        ObjectNode error = mapper.createObjectNode();
        error.put("__type", fault.type());
        error.put(logsStyle ? "message" : "Message", fault.getMessage());
        fault.members().forEach((k, v) -> error.set(k, mapper.valueToTree(v)));
        writeJson(exchange, fault.status(), requestId, contentType, error);
    }

    private void writeJson(HttpExchange exchange, int status, String requestId, String contentType, JsonNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BODY) {
                throw new AwsFault("SerializationException", 413, "Request body too large.", Map.of());
            }
        }
        return out.toByteArray();
    }
}
