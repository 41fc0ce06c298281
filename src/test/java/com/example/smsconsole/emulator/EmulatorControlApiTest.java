package com.example.smsconsole.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's own endpoints: only this machine may use the control API (a web page may neither
 * change state with a cross-origin "simple" request nor read codes through DNS rebinding), and every
 * operation of the two models is either implemented or answers 501 Not Implemented, never a 400
 * that a client would take for its own mistake.
 */
class EmulatorControlApiTest {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static EmulatorFixture fixture;
    static int port;

    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            return MAPPER.readTree(body);
        }
    }

    @BeforeAll
    static void start() {
        fixture = new EmulatorFixture(Map.of());
        port = fixture.endpoint().getPort();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** An HTTP/1.1 request written by hand, so the test controls Host and Origin as a browser or a rebinding page would send them. */
    static Answer http(String method, String path, String host, Map<String, String> headers, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            var request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            if (!body.isEmpty()) {
                request.append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, headerEnd).split("\r\n");
            Map<String, String> responseHeaders = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                responseHeaders.put(lines[i].substring(0, colon).toLowerCase(), lines[i].substring(colon + 1).strip());
            }
            String rest = response.substring(headerEnd + 4);
            if ("chunked".equalsIgnoreCase(responseHeaders.get("transfer-encoding"))) {
                rest = dechunk(rest);
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), responseHeaders, rest);
        }
    }

    private static String dechunk(String chunked) {
        var out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    static String local() {
        return "127.0.0.1:" + port;
    }

    @Test
    void the_machine_itself_uses_the_control_api_by_its_loopback_address_or_localhost() throws IOException {
        assertThat(http("GET", "/_emulator/health", local(), Map.of(), "").status()).isEqualTo(200);
        assertThat(http("GET", "/_emulator/health", "localhost:" + port, Map.of(), "").status()).isEqualTo(200);
        Answer added = http("POST", "/_emulator/faults", local(), Map.of("Content-Type", "application/json", "Origin", "http://" + local()),
                "{\"operation\":\"DescribeKeywords\",\"kind\":\"LATENCY\",\"latencyMillis\":1,\"times\":1}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(http("DELETE", "/_emulator/faults", local(), Map.of(), "").status()).isEqualTo(200);
    }

    @Test
    void a_rebinding_page_cannot_read_codes_because_its_host_name_is_refused() throws IOException {
        Answer rebound = http("GET", "/_emulator/handsets", "attacker.example:" + port, Map.of(), "");
        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.body()).doesNotContain("messages").contains("Host was attacker.example");
        assertThat(http("GET", "/_emulator/handsets", "127.0.0.1:1", Map.of(), "").status()).as("another port").isEqualTo(403);
    }

    @Test
    void a_cross_origin_page_can_neither_opt_numbers_out_nor_inject_faults() throws IOException {
        String reply = "{\"from\":\"+14255550140\",\"to\":\"+12065550142\",\"text\":\"STOP\"}";
        Answer simple = http("POST", "/_emulator/handsets/reply", local(), Map.of("Content-Type", "text/plain", "Origin", "https://attacker.example"), reply);
        assertThat(simple.status()).isEqualTo(403);
        Answer noOrigin = http("POST", "/_emulator/handsets/reply", local(), Map.of("Content-Type", "text/plain"), reply);
        assertThat(noOrigin.status()).as("a text/plain body is never accepted").isEqualTo(415);
        Answer crossSite = http("POST", "/_emulator/faults", local(), Map.of("Content-Type", "application/json", "Sec-Fetch-Site", "cross-site"),
                "{\"kind\":\"SERVER_ERROR\"}");
        assertThat(crossSite.status()).isEqualTo(403);
        Answer preflight = http("OPTIONS", "/_emulator/faults", local(), Map.of("Origin", "https://attacker.example",
                "Access-Control-Request-Method", "POST"), "");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.headers()).doesNotContainKey("access-control-allow-origin");

        assertThat(fixture.emulator.faults().rules()).isEmpty();
        assertThat(fixture.sms.describeOptedOutNumbers(b -> b.optOutListName("Default")).optedOutNumbers()).isEmpty();
        assertThat(fixture.emulator.sms().handsets()).allSatisfy(h -> assertThat(h.messages).isEmpty());
    }

    @Test
    void coverage_lists_the_implemented_operations_against_the_models() throws IOException {
        JsonNode coverage = http("GET", "/_emulator/coverage", local(), Map.of(), "").json();
        JsonNode sms = null;
        for (JsonNode service : coverage.path("services")) {
            if (service.path("targetPrefix").asString().equals("PinpointSMSVoiceV2")) {
                sms = service;
            }
        }
        assertThat(sms).isNotNull();
        assertThat(sms.path("modelled").asInt()).isEqualTo(106);
        assertThat(sms.path("implemented").asInt()).isEqualTo(sms.path("implementedOperations").size());
        assertThat(sms.path("implemented").asInt() + sms.path("notImplemented").size()).isEqualTo(106);
        assertThat(sms.path("implementedOperations").valueStream().map(JsonNode::asString)).contains("RequestPhoneNumber", "CreatePool",
                "SendVoiceMessage", "RequestSenderId", "TagResource", "CreateRegistrationAssociation", "SetTextMessageSpendLimitOverride");
        assertThat(sms.path("notImplemented").valueStream().map(JsonNode::asString)).contains("CreateProtectConfiguration");
    }

    @Test
    void no_operation_of_either_model_answers_400_for_not_implemented() throws IOException {
        List<String> failures = new ArrayList<>();
        for (var service : fixture.emulator.coverage()) {
            for (String operation : service.modelled()) {
                HttpExecuteResponse response = signed(service.targetPrefix() + "." + operation, service.signingName(),
                        service.signingName().equals("logs") ? "1.1" : "1.0");
                int status = response.httpResponse().statusCode();
                JsonNode body;
                try (var in = response.responseBody().orElseThrow()) {
                    body = MAPPER.readTree(in);
                }
                String type = body.path("__type").asString();
                String text = body.toString().toLowerCase();
                if (service.implemented().contains(operation)) {
                    if (status == 501 || text.contains("not implement") || text.contains("not supported by the local emulator")
                            || "UNKNOWN_OPERATION".equals(body.path("Reason").asString()) || type.equals("UnknownOperationException")) {
                        failures.add(operation + " is listed as implemented but answered " + status + " " + body);
                    }
                } else if (status != 501 || !type.equals("NotImplementedException")
                        || !body.path("Operation").asString().equals(service.targetPrefix() + "." + operation)) {
                    failures.add(operation + " is not implemented but answered " + status + " " + body);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static HttpExecuteResponse signed(String target, String signingName, String jsonVersion) throws IOException {
        byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(fixture.endpoint()).encodedPath("/")
                .putHeader("X-Amz-Target", target).putHeader("Content-Type", "application/x-amz-json-" + jsonVersion).build();
        var signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsBasicCredentials.create("local", "local")).request(request)
                .payload(() -> new ByteArrayInputStream(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        return fixture.http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(() -> new ByteArrayInputStream(bytes)).build()).call();
    }
}
