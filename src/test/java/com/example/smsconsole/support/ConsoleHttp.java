package com.example.smsconsole.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plain HTTP requests to the running console, as a browser or a load balancer sends them: its own
 * cookies, no redirects followed, optional extra headers (X-Forwarded-For, X-Forwarded-Proto,
 * Origin).
 */
public final class ConsoleHttp {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");

    private final String baseUrl;
    private final Map<String, String> headers;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public ConsoleHttp(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The CSRF parameter name and token the page carries for forms ({@code <meta name="_csrf">}). */
    public static Map<String, String> csrfMeta(String html) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = META.matcher(html);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    /** Opens the login page and posts the form with its CSRF token. */
    public HttpResponse<String> signIn(String username, String password) {
        return postForm("/login", loginForm(username, password));
    }

    /** Opens the login page and fills its form, CSRF token included, for a post later. */
    public Map<String, String> loginForm(String username, String password) {
        Map<String, String> meta = csrfMeta(get("/login").body());
        if (!meta.containsKey("_csrf")) {
            throw new IllegalStateException("The login page carries no CSRF token");
        }
        return Map.of("username", username, "password", password, meta.get("_csrf_parameter"), meta.get("_csrf"));
    }

    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        headers.forEach(builder::header);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every Set-Cookie header of a response. */
    public static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }
}
