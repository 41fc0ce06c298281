package com.example.smsconsole.emulator.protocol;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 on a request: the {@code Authorization} header must name the
 * configured access key and a scope for the right service, the request time must be within 15
 * minutes, and the signature must match the canonical request signed with the configured secret.
 */
public final class SigV4Verifier {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final String accessKeyId;
    private final String secretAccessKey;
    private final Clock clock;

    public SigV4Verifier(String accessKeyId, String secretAccessKey, Clock clock) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.clock = clock;
    }

    /**
     * @param headers request headers, names in any case, values as received
     * @throws AwsFault {@code MissingAuthenticationTokenException}, {@code UnrecognizedClientException}
     *     or {@code InvalidSignatureException}, as AWS answers
     */
    public void verify(String method, String path, String query, Map<String, List<String>> headers, byte[] body, String service) {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        String authorization = first(lower, "authorization");
        if (authorization == null) {
            throw new AwsFault("MissingAuthenticationTokenException", 403, "Missing Authentication Token", Map.of());
        }
        Matcher m = AUTHORIZATION.matcher(authorization.strip());
        if (!m.matches()) {
            throw new AwsFault("IncompleteSignatureException", 403, "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.", Map.of());
        }
        String keyId = m.group(1);
        String date = m.group(2);
        String region = m.group(3);
        String scopeService = m.group(4);
        String signedHeaders = m.group(5);
        String signature = m.group(6);
        if (!accessKeyId.equals(keyId)) {
            throw new AwsFault("UnrecognizedClientException", 403, "The security token included in the request is invalid.", Map.of());
        }
        if (!service.equals(scopeService)) {
            throw new AwsFault("InvalidSignatureException", 403, "Credential should be scoped to correct service: '" + service + "'.", Map.of());
        }
        String amzDate = first(lower, "x-amz-date");
        if (amzDate == null) {
            throw new AwsFault("IncompleteSignatureException", 403, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.", Map.of());
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new AwsFault("IncompleteSignatureException", 403, "Invalid X-Amz-Date " + amzDate, Map.of());
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            throw new AwsFault("InvalidSignatureException", 403, "Signature expired: " + amzDate + " is now earlier than the allowed skew.", Map.of());
        }
        if (!amzDate.startsWith(date)) {
            throw new AwsFault("InvalidSignatureException", 403, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.", Map.of());
        }
        var canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            List<String> values = lower.get(name);
            if (values == null) {
                throw new AwsFault("InvalidSignatureException", 403, "Signed header '" + name + "' is missing from the request.", Map.of());
            }
            canonicalHeaders.append(name).append(':')
                    .append(String.join(",", values.stream().map(v -> v.strip().replaceAll("\\s+", " ")).toList()))
                    .append('\n');
        }
        String payloadHash = first(lower, "x-amz-content-sha256");
        if (payloadHash == null || payloadHash.startsWith("STREAMING")) {
            payloadHash = hex(sha256(body));
        }
        String canonicalRequest = method + "\n" + (path.isEmpty() ? "/" : path) + "\n" + canonicalQuery(query) + "\n"
                + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
        String scope = date + "/" + region + "/" + scopeService + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, scopeService);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new AwsFault("InvalidSignatureException", 403,
                    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.", Map.of());
        }
    }

    private static String canonicalQuery(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        var params = new TreeMap<String, String>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        var out = new StringBuilder();
        params.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return out.toString();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
