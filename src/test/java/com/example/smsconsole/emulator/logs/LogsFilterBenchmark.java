package com.example.smsconsole.emulator.logs;

import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.EmulatorProperties;
import com.example.smsconsole.emulator.protocol.CallContext;
import com.example.smsconsole.emulator.protocol.ServiceModel;
import com.example.smsconsole.emulator.protocol.StreamingResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * The emulator's FilterLogEvents speed (not part of the test run): writes {@code benchmark.events}
 * (default 100,000) delivery receipts into the delivery log group through PutLogEvents, then times,
 * with boto3 paging every result, three JSON-pattern searches a support engineer runs, and, with the
 * Java SDK the console uses, the plain paging path of the console's ingestion (no pattern,
 * startTime/endTime, limit 10,000); then the same three searches called in process, which is the
 * emulator's own share (boto3's parsing of tens of thousands of events is the larger part of the
 * client's wall time). Prints figures; asserts nothing. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=LogsFilterBenchmark} (the README's "Local AWS emulator"
 * section has the figures).
 */
class LogsFilterBenchmark {

    private static final PrintStream out = System.out;
    private static final tools.jackson.databind.json.JsonMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final String GROUP = "/aws/sms-voice/app-sms/sms-notifications/delivery-receipts";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final List<String> PATTERNS = List.of(
            "{ $.eventType = \"TEXT_DELIVERED\" }",
            "{ $.destinationPhoneNumber = \"+1425*\" }",
            "{ $.eventType = \"TEXT_BLOCKED\" && $.isoCountryCode = \"GB\" }");

    private static final String SCRIPT = """
            import boto3, json, sys, time
            endpoint, group, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
            patterns = json.loads(sys.argv[4])
            logs = boto3.client("logs", endpoint_url=endpoint, region_name="us-east-1",
                                aws_access_key_id="local", aws_secret_access_key="local")
            paginator = logs.get_paginator("filter_log_events")
            runs = []
            for _ in range(repeats):
                run = {"searches": []}
                t0 = time.perf_counter()
                for pattern in patterns:
                    s0 = time.perf_counter()
                    events = calls = 0
                    for page in paginator.paginate(logGroupName=group, filterPattern=pattern):
                        events += len(page["events"])
                        calls += 1
                    run["searches"].append({"pattern": pattern, "events": events, "calls": calls,
                                            "seconds": time.perf_counter() - s0})
                run["seconds"] = time.perf_counter() - t0
                run["cpu"] = time.process_time()
                runs.append(run)
            # the client's own floor: the last run's response bodies parsed again by botocore, with no server and no network
            bodies = []
            logs.meta.events.register("before-parse.cloudwatch-logs.FilterLogEvents",
                                      lambda response_dict, **kwargs: bodies.append(response_dict["body"]))
            for pattern in patterns:
                for page in paginator.paginate(logGroupName=group, filterPattern=pattern):
                    pass
            from botocore import parsers
            output = logs.meta.service_model.operation_model("FilterLogEvents").output_shape
            parser = parsers.create_parser("json")
            p0 = time.perf_counter()
            for body in bodies:
                parser.parse({"body": body, "headers": {}, "status_code": 200}, output)
            floor = {"seconds": time.perf_counter() - p0, "bytes": sum(len(b) for b in bodies), "pages": len(bodies)}
            print(json.dumps({"runs": runs, "parseOnly": floor}))
            """;

    @Test
    void benchmark() throws Exception {
        int events = Integer.getInteger("benchmark.events", 100_000);
        int repeats = Integer.getInteger("benchmark.repeats", 5);
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "benchmark")), "logs-filter-");
        EmulatorProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "app.emulator.port", "0", "app.emulator.data-dir", dir.toString())))
                .bindOrCreate("app.emulator", EmulatorProperties.class);
        out.printf("%n# CloudWatch Logs emulator: FilterLogEvents%n%n");
        out.printf("%d receipts; JVM %s, %d cores (%s), max heap %d MB%n", events, Runtime.version(), Runtime.getRuntime().availableProcessors(),
                cpuModel(), Runtime.getRuntime().maxMemory() >> 20);
        try (AwsEmulator emulator = new AwsEmulator(properties, Clock.systemUTC());
                CloudWatchLogsClient logs = CloudWatchLogsClient.builder()
                        .endpointOverride(emulator.baseUri())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .build()) {
            long end = System.currentTimeMillis() - 60_000;
            long start = end - 6L * 86_400_000;
            long t0 = System.nanoTime();
            write(logs, events, start, end);
            out.printf("written with PutLogEvents in %.1f s%n", seconds(t0));

            String json = "[" + String.join(",", PATTERNS.stream().map(p -> "\"" + p.replace("\"", "\\\"") + "\"").toList()) + "]";
            Path script = dir.resolve("filter_benchmark.py");
            Files.writeString(script, SCRIPT);
            long cpu0 = processCpuNanos();
            String result = run(List.of("python3", script.toString(), emulator.baseUri().toString(), GROUP, String.valueOf(repeats), json));
            double emulatorCpu = (processCpuNanos() - cpu0) / 1e9 / repeats;
            var answer = MAPPER.readTree(result);
            var runs = answer.path("runs");
            var parseOnly = answer.path("parseOnly");
            out.printf("%n| run | %s | three searches, s |%n|---|---|---|---|---|%n",
                    String.join(" | ", PATTERNS.stream().map(p -> "`" + p + "` events, calls, s").toList()));
            double[] totals = new double[runs.size()];
            for (int r = 0; r < runs.size(); r++) {
                var run = runs.get(r);
                StringBuilder row = new StringBuilder("| " + (r + 1) + " | ");
                for (var search : run.path("searches")) {
                    row.append(String.format("%d, %d, %.3f | ", search.path("events").asInt(), search.path("calls").asInt(), search.path("seconds").asDouble()));
                }
                totals[r] = run.path("seconds").asDouble();
                out.println(row.append(String.format("**%.3f** |", totals[r])));
            }
            double[] sorted = totals.clone();
            Arrays.sort(sorted);
            out.printf("%nthree JSON-pattern searches, boto3 paging all results: first run %.3f s, median of %d runs **%.3f s**, best %.3f s%n",
                    totals[0], totals.length, sorted[sorted.length / 2], sorted[0]);
            out.printf("CPU per run of the three: emulator %.3f s, boto3 client %.3f s (the client parses %d events per run)%n", emulatorCpu,
                    runs.get(runs.size() - 1).path("cpu").asDouble() / runs.size(), events(runs.get(0)));
            // what no server can go below with this client: botocore parsing the same pages from memory
            out.printf("boto3's floor: botocore parsing the same %d pages (%.1f MB) from memory, no server, no network: **%.3f s**%n",
                    parseOnly.path("pages").asInt(), parseOnly.path("bytes").asDouble() / 1e6, parseOnly.path("seconds").asDouble());

            var operation = new LogsEmulator(ServiceModel.load("/emulator/models/logs.json", MAPPER), emulator.logs(), Clock.systemUTC(), properties)
                    .operations().get("FilterLogEvents");
            List<Double> inProcess = new ArrayList<>();
            List<Double> plainInProcess = new ArrayList<>();
            long bytes = 0;
            for (int r = 0; r < repeats; r++) {
                long t1 = System.nanoTime();
                bytes = 0;
                for (String pattern : PATTERNS) {
                    bytes += drain(operation, MAPPER.createObjectNode().put("logGroupName", GROUP).put("filterPattern", pattern));
                }
                inProcess.add(seconds(t1));
                long t2 = System.nanoTime();
                drain(operation, MAPPER.createObjectNode().put("logGroupName", GROUP).put("startTime", start - 1000).put("endTime", end + 600_000)
                        .put("limit", 10_000));
                plainInProcess.add(seconds(t2));
            }
            out.printf("the emulator alone (FilterLogEvents called in process, pages written, %.1f MB), runs: %s s: median **%.3f s**, best %.3f s%n",
                    bytes / 1e6, figures(inProcess), median(inProcess), inProcess.stream().min(Double::compare).orElseThrow());
            out.printf("the emulator alone, plain paging: %s s: median **%.3f s**%n", figures(plainInProcess), median(plainInProcess));

            List<Double> paging = new ArrayList<>();
            int count = 0;
            for (int r = 0; r < repeats; r++) {
                long p0 = System.nanoTime();
                count = 0;
                String token = null;
                do {
                    String current = token;
                    FilterLogEventsResponse page = logs.filterLogEvents(b -> b.logGroupName(GROUP).startTime(start - 1000).endTime(end + 600_000)
                            .limit(10_000).nextToken(current));
                    count += page.events().size();
                    token = page.nextToken();
                } while (token != null);
                paging.add(seconds(p0));
            }
            List<Double> sortedPaging = paging.stream().sorted().toList();
            out.printf("plain paging (no pattern, startTime/endTime, limit 10,000), Java SDK: %d events, first run %.3f s, median of %d runs **%.3f s**"
                    + " (%.0f events/s)%n", count, paging.getFirst(), repeats, sortedPaging.get(repeats / 2), count / sortedPaging.get(repeats / 2));
        }
    }

    /** Pages through one FilterLogEvents request in process; returns the bytes written. */
    private static long drain(com.example.smsconsole.emulator.protocol.Operation operation, tools.jackson.databind.node.ObjectNode input) {
        long bytes = 0;
        String token = null;
        do {
            if (token != null) {
                input.put("nextToken", token);
            }
            Object answer = operation.handle(input, new CallContext("benchmark", "logs", "FilterLogEvents", Instant.now()));
            var body = new java.io.ByteArrayOutputStream(1 << 20);
            try (var generator = MAPPER.createGenerator(body)) {
                ((StreamingResponse) answer).write(generator);
            }
            bytes += body.size();
            token = nextToken(body.toByteArray());
        } while (token != null);
        return bytes;
    }

    private static String figures(List<Double> runs) {
        return String.join(", ", runs.stream().map(d -> String.format("%.3f", d)).toList());
    }

    private static double median(List<Double> runs) {
        return runs.stream().sorted().toList().get(runs.size() / 2);
    }

    private static int events(tools.jackson.databind.JsonNode run) {
        int n = 0;
        for (var search : run.path("searches")) {
            n += search.path("events").asInt();
        }
        return n;
    }

    private static @org.jspecify.annotations.Nullable String nextToken(byte[] page) {
        String tail = new String(page, Math.max(0, page.length - 800), Math.min(800, page.length), StandardCharsets.UTF_8);
        int at = tail.lastIndexOf("\"nextToken\":\"");
        return at < 0 ? null : tail.substring(at + 13, tail.indexOf('"', at + 13));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Receipts in the real event format: one message makes two to three receipts, in time order. */
    private static void write(CloudWatchLogsClient logs, int events, long start, long end) {
        var random = new Random(42);
        String[] areas = {"206", "425", "253", "360", "212", "646", "415", "310", "305", "617"};
        List<InputLogEvent> batch = new ArrayList<>();
        String stream = null;
        int batchBytes = 0;
        int written = 0;
        long step = (end - start) / events;
        while (written < events) {
            long at = start + written * step;
            boolean gb = random.nextDouble() < 0.1;
            String country = gb ? "GB" : "US";
            String number = gb ? "+447" + (4 + random.nextInt(6)) + digits(random, 8)
                    : "+1" + areas[random.nextInt(areas.length)] + (2 + random.nextInt(8)) + digits(random, 6);
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            List<String> types = random.nextDouble() < 0.9 ? List.of("TEXT_QUEUED", "TEXT_SUCCESSFUL", "TEXT_DELIVERED") : List.of("TEXT_QUEUED", "TEXT_BLOCKED");
            for (String type : types) {
                String day = "sms-delivery-receipts/" + DAY.format(Instant.ofEpochMilli(at));
                String message = receipt(type, at, number, country, id);
                int size = message.getBytes(StandardCharsets.UTF_8).length + 26;
                if (!day.equals(stream) || batch.size() == 10_000 || batchBytes + size > 1_000_000) {
                    put(logs, stream, batch);
                    batch = new ArrayList<>();
                    batchBytes = 0;
                    if (!day.equals(stream)) {
                        String name = day;
                        logs.createLogStream(b -> b.logGroupName(GROUP).logStreamName(name));
                        stream = day;
                    }
                }
                batch.add(InputLogEvent.builder().timestamp(at).message(message).build());
                batchBytes += size;
                written++;
                at += 1 + random.nextInt((int) Math.max(1, step));
            }
        }
        put(logs, stream, batch);
    }

    private static void put(CloudWatchLogsClient logs, String stream, List<InputLogEvent> batch) {
        if (!batch.isEmpty()) {
            batch.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
            logs.putLogEvents(b -> b.logGroupName(GROUP).logStreamName(stream).logEvents(batch));
        }
    }

    private static String receipt(String type, long at, String number, String country, String id) {
        boolean isFinal = !type.equals("TEXT_QUEUED") && !type.equals("TEXT_SUCCESSFUL");
        return "{\"eventType\":\"" + type + "\",\"eventVersion\":\"1.0\",\"eventTimestamp\":" + at + ",\"isFinal\":" + isFinal
                + ",\"originationPhoneNumber\":\"+12065550142\",\"destinationPhoneNumber\":\"" + number + "\",\"isoCountryCode\":\"" + country
                + "\",\"isInternationalSend\":" + !"US".equals(country) + ",\"mcc\":\"310\",\"mnc\":\"410\",\"messageId\":\"" + id
                + "\",\"messageRequestTimestamp\":" + (at - 300) + ",\"messageEncoding\":\"GSM\",\"messageType\":\"TRANSACTIONAL\",\"messageStatus\":\""
                + type.substring(5) + "\",\"messageStatusDescription\":\"Message status " + type.substring(5).toLowerCase(java.util.Locale.ROOT)
                + "\",\"context\":{\"orderId\":\"o-" + (at % 100_000) + "\"},\"totalMessageParts\":1,\"totalMessagePrice\":"
                + ("GB".equals(country) ? "0.0388" : "0.00581") + ",\"totalCarrierFee\":0.00302}";
    }

    private static String digits(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("boto3 benchmark failed: " + stdout);
        }
        return stdout;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
