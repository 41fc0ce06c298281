package com.example.smsconsole.emulator.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter-pattern language against its sources. Every expected value comes from a source, never
 * from this implementation:
 * <ul>
 *   <li>{@link #PAGE}: AWS's "Filter pattern syntax for metric filters, subscription filters, filter
 *       log events, and Live Tail" and its sections on regular expressions, unstructured, JSON and
 *       space-delimited log events (the pattern, the event and whether the page says it matches);</li>
 *   <li>{@link #OLD_PAGE}: the earlier "Filter and Pattern Syntax" page (awsdocs/amazon-cloudwatch-logs-user-guide,
 *       doc_source/FilterAndPatternSyntax.md), for the examples the current page dropped;</li>
 *   <li>{@link #RECORDED}: AWS's own answers to TestMetricFilter and FilterLogEvents, recorded in
 *       us-east-1 on 2026-09-13 and published as radkawar/stackd testdata/aws/logs/filters.json, for
 *       what the pages leave open (value types, refusals and their messages).</li>
 * </ul>
 */
class FilterPatternTest {

    static final String PAGE = "docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html";
    static final String OLD_PAGE = "awsdocs/amazon-cloudwatch-logs-user-guide FilterAndPatternSyntax.md";
    static final String RECORDED = "radkawar/stackd testdata/aws/logs/filters.json";

    /** The page's JSON log event (entered on one line, as the page asks). */
    static final String TRAIL = """
            {"eventType":"UpdateTrail","sourceIPAddress":"111.111.111.111","arrayKey":["value","another value"],\
            "objectList":[{"name":"a","id":1},{"name":"b","id":2}],"SomeObject":null,"cluster.name":"c"}""";
    /** The earlier page's variant of it (with ThisFlag). */
    static final String OLD_TRAIL = """
            {"eventType":"UpdateTrail","sourceIPAddress":"111.111.111.111","arrayKey":["value","another value"],\
            "objectList":[{"name":"a","id":1},{"name":"b","id":2}],"SomeObject":null,"ThisFlag":true}""";
    /** The page's JSON object for compound expressions. */
    static final String USERS = """
            {"user":{"id":1,"email":"John.Stiles@example.com"},"users":[{"id":2,"email":"John.Doe@example.com"},\
            {"id":3,"email":"Jane.Doe@example.com"}],"actions":["GET","PUT","DELETE"],"coordinates":[[0,1,2],[4,5,6],[7,8,9]]}""";
    /** The page's space-delimited event. */
    static final String ACCESS = "127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";
    static final String INFO_GET = "INFO 09/25/2014 12:00:00 GET /service/resource/67 1200";
    static final String INFO_POST = "INFO 09/25/2014 12:00:01 POST /service/resource/67/part/111 1310";
    static final String WARNING = "WARNING 09/25/2014 12:00:02 Invalid user request";
    static final String ERROR = "ERROR 09/25/2014 12:00:02 Failed to process request";
    /** The earlier page's Apache lines. */
    static final String APACHE_200 = "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 1534";
    static final String APACHE_500 = "127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] \"GET /apache_pb.gif HTTP/1.0\" 500 5324";
    static final String APACHE_404 = "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";

    static List<Arguments> cases = new ArrayList<>();

    static void doc(String source, String pattern, String event, boolean matches) {
        cases.add(Arguments.of(source, pattern, event, matches));
    }

    static Stream<Arguments> documentedCases() {
        cases = new ArrayList<>();
        // PAGE, "Supported regular expressions (regex) syntax" and "Using filter patterns to match terms with a regular expression"
        doc(PAGE, "%AUTHORIZED%", "[ERROR 401] UNAUTHORIZED REQUEST", true);
        doc(PAGE, "%AUTHORIZED%", "[SUCCESS 200] AUTHORIZED REQUEST", true);
        doc(PAGE, "%^[hc]at%", "hat trick", true);
        doc(PAGE, "%^[hc]at%", "cat", true);
        doc(PAGE, "%^[hc]at%", "that", false);
        doc(PAGE, "%[hc]at$%", "the cat", true);
        doc(PAGE, "%[hc]at$%", "hat trick", false);
        doc(PAGE, "%colou?r%", "color", true);
        doc(PAGE, "%colou?r%", "colour", true);
        doc(PAGE, "%[abc]%", "b", true);
        doc(PAGE, "%[a-z]%", "q", true);
        doc(PAGE, "%[abcx-z]%", "y", true);
        doc(PAGE, "%[abcx-z]%", "d", false);
        doc(PAGE, "%a{3,5}%", "aaa", true);
        doc(PAGE, "%a{3,5}%", "aa", false);
        doc(PAGE, "%^a{,2}$%", "aa", true);
        doc(PAGE, "%^a{,2}$%", "aaa", false);
        doc(PAGE, "%gra|ey%", "gray", true);
        doc(PAGE, "%gra|ey%", "grey", true);
        doc(PAGE, "%^starting|^initializing|^shutting down%", "starting the service", true);
        doc(PAGE, "%^starting|^initializing|^shutting down%", "initializing the service", true);
        doc(PAGE, "%^starting|^initializing|^shutting down%", "shutting down", true);
        doc(PAGE, "%^starting|^initializing|^shutting down%", "skipping initializing the service", false);
        doc(PAGE, "%\\[.\\]%", "[a]", true);
        doc(PAGE, "%\\[.\\]%", "[ ]", true);
        doc(PAGE, "%\\[.\\]%", "[ab]", false);
        doc(PAGE, "%10\\.10\\.0\\.1%", "10.10.0.1", true);
        doc(PAGE, "%10\\.10\\.0\\.1%", "10010,051", false);
        doc(PAGE, "%10.10.0.1%", "10010,051", true);
        doc(PAGE, "%ab*c%", "ac", true);
        doc(PAGE, "%ab*c%", "abbbc", true);
        doc(PAGE, "%ab[0-9]*%", "ab129", true);
        doc(PAGE, "%ab+c%", "abbc", true);
        doc(PAGE, "%ab+c%", "ac", false);
        doc(PAGE, "%.at%", " at", true);
        doc(PAGE, "%\\d%", "7", true);
        doc(PAGE, "%\\d%", "x", false);
        doc(PAGE, "%\\D%", "x", true);
        doc(PAGE, "%\\s%", "a b", true);
        doc(PAGE, "%\\S%", " ", false);
        doc(PAGE, "%\\w%", "_", true);
        doc(PAGE, "%\\W%", "abc", false);
        doc(PAGE, "%\\x3A%", "key: value", true);
        doc(PAGE, "%\\x28%", "f(x)", true);

        // PAGE, "Using filter patterns to match terms in unstructured log events"
        doc(PAGE, "ERROR", "[ERROR 400] BAD REQUEST", true);
        doc(PAGE, "ERROR", "[ERROR 420] INVALID ARGUMENTS", true);
        doc(PAGE, "ERROR", "[INFO 200] SUCCESSFUL REQUEST", false);
        doc(PAGE, "ERROR ARGUMENTS", "[ERROR 419] MISSING ARGUMENTS", true);
        doc(PAGE, "ERROR ARGUMENTS", "[ERROR 400] BAD REQUEST", false);
        doc(PAGE, "?ERROR ?ARGUMENTS", "[ERROR 401] UNAUTHORIZED REQUEST", true);
        doc(PAGE, "?ERROR ?ARGUMENTS", "[ERROR 420] INVALID ARGUMENTS", true);
        doc(PAGE, "?ERROR ?ARGUMENTS", "[INFO 200] SUCCESSFUL REQUEST", false);
        doc(PAGE, "?ERROR ?ARGUMENTS REQUEST", "[INFO] REQUEST FAILED", true);
        doc(PAGE, "?ERROR ?ARGUMENTS REQUEST", "[WARN] UNAUTHORIZED REQUEST", true);
        doc(PAGE, "?ERROR ?ARGUMENTS REQUEST", "[ERROR] 400 BAD REQUEST", true);
        doc(PAGE, "?ERROR ?ARGUMENTS REQUEST", "[ERROR 419] MISSING ARGUMENTS", false);
        doc(PAGE, "\"INTERNAL SERVER ERROR\"", "[ERROR 500] INTERNAL SERVER ERROR", true);
        doc(PAGE, "\"INTERNAL SERVER ERROR\"", "[DEBUG 500] DEBUGGING INTERNAL INVALID", false);
        doc(PAGE, "ERROR -ARGUMENTS", "[ERROR 400] BAD REQUEST", true);
        doc(PAGE, "ERROR -ARGUMENTS", "[ERROR 419] MISSING ARGUMENTS", false);
        doc(PAGE, "\" \"", "[ERROR 400] BAD REQUEST", true);
        // OLD_PAGE, "Matching Terms in Log Events" and "OR Pattern Matching"
        doc(OLD_PAGE, "ERROR", "Exiting with ERRORCODE: -1", true);
        doc(OLD_PAGE, "ERROR Exception", "[ERROR] Caught IllegalArgumentException", true);
        doc(OLD_PAGE, "\"Failed to process the request\"", "[WARN] Failed to process the request", true);
        doc(OLD_PAGE, "ERROR WARN", "ERROR WARN message", true);
        doc(OLD_PAGE, "ERROR WARN", "ERROR message", false);
        doc(OLD_PAGE, "?ERROR ?WARN", "WARN message", true);
        doc(OLD_PAGE, "ERROR -WARN", "ERROR message", true);
        doc(OLD_PAGE, "ERROR -WARN", "ERROR WARN message", false);

        // PAGE, "Using filter patterns to match terms in JSON log events"
        doc(PAGE, "{ $.eventType = \"UpdateTrail\" }", TRAIL, true);
        doc(PAGE, "{ $.sourceIPAddress != 123.123.* }", TRAIL, true);
        doc(PAGE, "{ $.arrayKey[0] = \"value\" }", TRAIL, true);
        doc(PAGE, "{ $.eventType = %Trail% }", TRAIL, true);
        doc(PAGE, "{ $.arrayKey[*] = %val.{2}% }", TRAIL, true);
        doc(PAGE, "{ $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }", TRAIL, true);
        doc(PAGE, "{ $.['cluster.name'] = \"c\" }", TRAIL, true);
        doc(PAGE, "{ $.SomeObject IS NULL }", TRAIL, true);
        doc(PAGE, "{ $.SomeOtherObject NOT EXISTS }", TRAIL, true);
        doc(PAGE, "{ $.eventType NOT EXISTS }", TRAIL, false);
        doc(PAGE, "{ $.bandwidth > 75 }", "{\"bandwidth\":80}", true);
        doc(PAGE, "{ $.latency < 50 }", "{\"latency\":50}", false);
        doc(PAGE, "{ $.refreshRate >= 60 }", "{\"refreshRate\":60}", true);
        doc(PAGE, "{ $.responseTime <= 5 }", "{\"responseTime\":6}", false);
        doc(PAGE, "{ $.errorCode = 400}", "{\"errorCode\":400}", true);
        doc(PAGE, "{ $.errorCode != 500 }", "{\"errorCode\":400}", true);
        doc(PAGE, "{ $.number[0] = 1e+3 }", "{\"number\":[1000]}", true);
        doc(PAGE, "{ $.number[0] != 1e-3 }", "{\"number\":[1000]}", true);
        doc(PAGE, "{ ($.user.id = 1) && ($.users[0].email = \"John.Doe@example.com\") }", USERS, true);
        doc(PAGE, "{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = \"nonmatch\" && $.actions[2] = \"nonmatch\" }", USERS, true);
        doc(PAGE, "{ ($.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = \"nonmatch\") && $.actions[2] = \"nonmatch\" }", USERS, false);
        doc(PAGE, "{ ($.user.id = 2 && $.users[0].email = \"nonmatch\") || $.actions[2] = \"GET\" }", USERS, false);
        // OLD_PAGE, "JSON Metric Filter Examples", "JSON Special Considerations", "Numeric Comparisons", "OR Pattern Matching"
        doc(OLD_PAGE, "{ $.objectList[1].id = 2 }", OLD_TRAIL, true);
        doc(OLD_PAGE, "{ $.ThisFlag IS TRUE }", OLD_TRAIL, true);
        doc(OLD_PAGE, "{ $.ThisFlag IS FALSE }", OLD_TRAIL, false);
        doc(OLD_PAGE, "{$.users = 1}", "{\"users\":[1,2,3]}", false);
        doc(OLD_PAGE, "{$.users != 1}", "{\"users\":[1,2,3]}", false);
        doc(OLD_PAGE, "{ $.latency > +1000 }", "{\"latency\":1001}", true);
        doc(OLD_PAGE, "{ $.numbers[0] < 10e3 }", "{\"numbers\":[9999]}", true);
        doc(OLD_PAGE, "{ $.processes[4].averageRuntime <= 55.5 }", "{\"processes\":[{},{},{},{},{\"averageRuntime\":55.5}]}", true);
        doc(OLD_PAGE, "{$.foo = bar}", "{\"foo\": \"bar\"}", true);
        doc(OLD_PAGE, "{$.foo = bar}", "{\"foo\": \"baz\"}", false);
        doc(OLD_PAGE, "{$.foo = bar || $.foo = baz }", "{\"foo\": \"baz\"}", true);

        // PAGE, "Using filter patterns to match terms in space-delimited log events"
        doc(PAGE, "[ip=%127\\.0\\.0\\.[1-9]%, user, username, timestamp, request =*.html*, status_code = 4*, bytes]", ACCESS, true);
        doc(PAGE, "[..., request =*.html*, status_code = 4*, bytes]", ACCESS, true);
        doc(PAGE, "[ip, user, username, timestamp, request =*.html*, status_code = 404 || status_code = 410, bytes]", ACCESS, true);
        doc(PAGE, "[ip, user, username, timestamp, request =*.html*, status_code = 404 || status_code = 410, bytes]", APACHE_200, false);
        doc(PAGE, "[w1=ERROR, w2]", ERROR, true);
        doc(PAGE, "[w1=ERROR, w2]", INFO_GET, false);
        doc(PAGE, "[w1=ERROR || w1=WARNING, w2]", WARNING, true);
        doc(PAGE, "[w1=ERROR || w1=WARNING, w2]", INFO_POST, false);
        doc(PAGE, "[w1!=ERROR && w1!=WARNING, w2]", INFO_GET, true);
        doc(PAGE, "[w1!=ERROR && w1!=WARNING, w2]", ERROR, false);
        doc(PAGE, "[logLevel, date, time, method, url=%/service/resource/[0-9]+$%, response_time]", INFO_GET, true);
        doc(PAGE, "[logLevel, date, time, method, url=%/service/resource/[0-9]+$%, response_time]", INFO_POST, false);
        doc(PAGE, "[logLevel, date, time, method, url=%/service/resource/[0-9]+/part/[0-9]+$%, response_time]", INFO_POST, true);
        doc(PAGE, "[logLevel, date, time, method, url=%/service/resource/[0-9]+/part/[0-9]+$%, response_time]", INFO_GET, false);
        // OLD_PAGE, "Using Metric Filters to Extract Values from Space-Delimited Log Events"
        doc(OLD_PAGE, "[ip, user, username, timestamp, request, status_code, bytes]", APACHE_200, true);
        doc(OLD_PAGE, "[..., status_code, bytes]", APACHE_200, true);
        doc(OLD_PAGE, "[ip, user, ..., status_code, bytes]", APACHE_200, true);
        doc(OLD_PAGE, "[ip, user, ...]", APACHE_200, true);
        doc(OLD_PAGE, "[ip, user, username, timestamp, request, status_code, bytes > 1000]", APACHE_500, true);
        doc(OLD_PAGE, "[ip, user, username, timestamp, request, status_code = 200, bytes]", APACHE_200, true);
        doc(OLD_PAGE, "[ip, user, username, timestamp, request, status_code = 200, bytes]", APACHE_500, false);
        doc(OLD_PAGE, "[ip, user, username, timestamp, request, status_code = 4*, bytes]", APACHE_404, true);
        doc(OLD_PAGE, "[ip, user, username, timestamp, request = *html*, status_code = 4*, bytes]", APACHE_404, true);
        doc(OLD_PAGE, "[ip, user, username, timestamp, request, status_code = 4* && status_code != 403, bytes]", APACHE_404, true);
        doc(OLD_PAGE, "[..., request=*.html*, status_code=4*,]", APACHE_404, true);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} on {2} -> {3}")
    @MethodSource("documentedCases")
    void documented_cases_match_as_the_documentation_says(String source, String pattern, String event, boolean expected) {
        assertThat(FilterPattern.parse(pattern).matches(event)).as(source + ": " + pattern + " on " + event).isEqualTo(expected);
    }

    /** The page's refusals: regex characters it does not list, and its quotas. */
    static Stream<Arguments> documentedRefusals() {
        return Stream.of(
                Arguments.of("%something!%", "Invalid character(s) in term '%something!'"),
                Arguments.of("%(ERROR|WARN)%", "Invalid character(s) in term '%('"),
                Arguments.of("%\\(x\\)%", "Invalid character(s) in term '%\\('"),
                Arguments.of("%café%", "Invalid character(s) in term '%café'"),
                Arguments.of("{ $.a = %a% || $.a = %b% || $.a = %c% }", "Your input has exceeded the maximum of 2 regular expressions per filter pattern."),
                Arguments.of("[a = %a%, b = %b%, c = %c%]", "Your input has exceeded the maximum of 2 regular expressions per filter pattern."),
                Arguments.of("{ $.items[*].* = 1 }", "Your filter pattern has a JSON path selector that exceeds the maximum of 1 wildcard allowed per json selector."),
                Arguments.of("{ $.a[*] = 1 || $.b[*] = 1 || $.* = 1 || $.c[*] = 1 }",
                        "Your input has exceeded the maximum of 3 JSON wildcard selectors allowed per filter pattern."),
                // "The variables IS NOT and EXISTS currently aren't supported."
                Arguments.of("{ $.v IS NOT NULL }", "Invalid filter pattern"),
                Arguments.of("{ $.v EXISTS }", "Invalid filter pattern"),
                // awsdocs/amazon-cloudwatch-logs-user-guide#21: the earlier page's example AWS refuses
                Arguments.of("[ip, user, username, timestamp, request, status_code = 4* && bytes > 1000]", "Invalid filter pattern"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedRefusals")
    void patterns_the_documentation_rules_out_are_refused_with_the_services_message(String pattern, String message) {
        assertThatThrownBy(() -> FilterPattern.parse(pattern)).isInstanceOf(FilterPattern.InvalidPatternException.class).hasMessage(message);
    }

    // --- RECORDED: AWS's answers where the pages say nothing ---------------------------------------

    static final String[] TERMS = {"ERROR ARGUMENTS REQUEST", "ERROR BAD REQUEST", "INFO ARGUMENTS", "INFO REQUEST", "error arguments request",
        "ERROR INTERNAL SERVER ERROR", "ERROR INTERNAL  SERVER ERROR", "INTERNAL SERVER error", "TERROR REQUEST", "[ERROR] REQUEST",
        "ERROR-REQUEST", "ERROR_ARGUMENTS", "ERROR\nARGUMENTS", "ARGUMENTS ERROR", "plain", "say \"hello world\" now", "hello-world", " "};

    static final String[] SCALARS = {"{}", "{\"v\":null}", "{\"v\":\"null\"}", "{\"v\":true}", "{\"v\":false}", "{\"v\":\"true\"}",
        "{\"v\":\"false\"}", "{\"v\":0}", "{\"v\":1}", "{\"v\":1.0}", "{\"v\":1e0}", "{\"v\":\"1\"}", "{\"v\":\"1.0\"}", "{\"v\":-1}",
        "{\"v\":1.5}", "{\"v\":10}", "{\"v\":\"10\"}", "{\"v\":\"Alpha\"}", "{\"v\":\"alpha\"}", "{\"v\":\"Alphabet\"}", "{\"v\":\"xAlpha\"}",
        "{\"v\":\"\"}", "{\"v\":[]}", "{\"v\":{}}", "{\"v\":[1,\"Alpha\",null]}", "{\"v\":\"a*b\"}", "{\"v\":\"a?b\"}", "{\"v\":1,\"v\":2}",
        "{\"v\":2,\"v\":1}", "not JSON", "[{\"v\":1}]", "{broken"};

    static final String[] PATHS = {
        "{\"nested\":{\"value\":\"hit\"},\"cluster.name\":\"flat\",\"cluster\":{\"name\":\"nested\"},\"items\":[{\"a\":1,\"b\":0},{\"a\":0,\"b\":2}],"
            + "\"arr\":[\"miss\",\"hit\"],\"matrix\":[[0,1],[2,3]],\"a\":1,\"b\":0,\"c\":0}",
        "{\"nested\":{\"value\":\"miss\"},\"cluster.name\":\"nested\",\"cluster\":{\"name\":\"flat\"},\"items\":[{\"a\":1,\"b\":2}],"
            + "\"arr\":[\"hit\",\"miss\"],\"matrix\":[[1,0]],\"a\":0,\"b\":2,\"c\":3}",
        "{\"nested\":null,\"arr\":[null],\"items\":[],\"a\":0,\"b\":2,\"c\":0}",
        "{\"nested\":{},\"arr\":[],\"a\":1,\"b\":2,\"c\":3}",
        "{\"nested\":{\"value\":null},\"arr\":\"hit\",\"a\":0,\"b\":0,\"c\":3}",
        "{\"nested\":{\"value\":\"null\"},\"other\":\"hit\"}",
        "{\"nested.value\":\"hit\",\"arr\":[[\"hit\"]]}",
        "{\"arr\":[\"hit\",\"hit\"],\"items\":[{\"a\":1},{\"b\":2}]}",
        "{\"arr\":{\"0\":\"hit\"},\"nested\":[{\"value\":\"hit\"}]}",
        "{}"};

    static final String[] SPACE = {
        "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534",
        "127.0.0.2 - jane [10/Oct/2000:13:25:16 -0700] \"GET /index.html HTTP/1.0\" 410 0",
        "127.0.0.3 - frank [10/Oct/2000:13:25:17 -0700] \"POST /api HTTP/1.0\" 500 2048",
        "127.0.0.4 - frank [10/Oct/2000:13:25:18 -0700] \"GET /index.html HTTP/1.0\" 200 100",
        "127.0.0.5  -  frank [10/Oct/2000:13:25:19 -0700] \"GET /index.html HTTP/1.0\" 404 1534 extra",
        "127.0.0.6\t-\tfrank\t[10/Oct/2000:13:25:20 -0700]\t\"GET /index.html HTTP/1.0\"\t404\t1534",
        "ERROR request failed", "WARNING request", "INFO request accepted", "ERROR", "ERROR \"two words\"", "ERROR \"unterminated words"};

    /** Pattern, corpus, and the (zero-based) events AWS matched. */
    static Stream<Arguments> recordedAnswers() {
        return Stream.of(
                Arguments.of("\" \"", TERMS, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 15, 17}),
                Arguments.of("ERROR", TERMS, new int[] {0, 1, 5, 6, 8, 9, 10, 11, 12, 13}),
                Arguments.of("ERROR ARGUMENTS", TERMS, new int[] {0, 11, 12, 13}),
                Arguments.of("?ERROR ?ARGUMENTS", TERMS, new int[] {0, 1, 2, 5, 6, 8, 9, 10, 11, 12, 13}),
                Arguments.of("?ERROR ?ARGUMENTS REQUEST", TERMS, new int[] {0, 1, 3, 8, 9, 10}),
                Arguments.of("?ERROR ?ARGUMENTS -REQUEST", TERMS, new int[] {2, 4, 5, 6, 7, 11, 12, 13, 14, 15, 16, 17}),
                Arguments.of("ERROR -ARGUMENTS", TERMS, new int[] {1, 5, 6, 8, 9, 10}),
                Arguments.of("-ERROR", TERMS, new int[] {2, 3, 4, 7, 14, 15, 16, 17}),
                Arguments.of("\"INTERNAL SERVER ERROR\"", TERMS, new int[] {5}),
                Arguments.of("error", TERMS, new int[] {4, 7}),
                Arguments.of("\"hello-world\"", TERMS, new int[] {16}),
                Arguments.of("ERROR -\"BAD REQUEST\"", TERMS, new int[] {0, 5, 6, 8, 9, 10, 11, 12, 13}),
                Arguments.of("{ $.v = 1 }", SCALARS, new int[] {8, 9, 10, 11, 28}),
                Arguments.of("{ $.v != 1 }", SCALARS, new int[] {2, 5, 6, 7, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 25, 26, 27}),
                Arguments.of("{ $.v > 1 }", SCALARS, new int[] {14, 15, 27}),
                Arguments.of("{ $.v < 1 }", SCALARS, new int[] {7, 13}),
                Arguments.of("{ $.v >= 1 }", SCALARS, new int[] {8, 9, 10, 14, 15, 27, 28}),
                Arguments.of("{ $.v <= 1 }", SCALARS, new int[] {7, 8, 9, 10, 13, 28}),
                Arguments.of("{ $.v = 1e+0 }", SCALARS, new int[] {8, 9, 10, 28}),
                Arguments.of("{ $.v = -1 }", SCALARS, new int[] {13}),
                Arguments.of("{ $.v = \"1\" }", SCALARS, new int[] {8, 11, 28}),
                Arguments.of("{ $.v = \"Alpha\" }", SCALARS, new int[] {17}),
                Arguments.of("{ $.v != \"Alpha\" }", SCALARS, new int[] {2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 25, 26, 27, 28}),
                Arguments.of("{ $.v = \"Alpha*\" }", SCALARS, new int[] {17, 19}),
                Arguments.of("{ $.v = \"*Alpha\" }", SCALARS, new int[] {17, 20}),
                Arguments.of("{ $.v = \"a?b\" }", SCALARS, new int[] {26}),
                Arguments.of("{ $.v = \"\" }", SCALARS, new int[] {21}),
                Arguments.of("{ $.v = %^Al.*% }", SCALARS, new int[] {17, 19}),
                Arguments.of("{ $.v IS NULL }", SCALARS, new int[] {1, 24}),
                Arguments.of("{ $.v NOT EXISTS }", SCALARS, new int[] {0}),
                Arguments.of("{ $.v IS TRUE }", SCALARS, new int[] {3}),
                Arguments.of("{ $.v IS FALSE }", SCALARS, new int[] {4}),
                Arguments.of("{ $.v = true }", SCALARS, new int[] {5}),
                Arguments.of("{ $.v = * }", SCALARS, new int[] {2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 25, 26, 27, 28}),
                Arguments.of("{ $.nested.value = \"hit\" }", PATHS, new int[] {0}),
                Arguments.of("{ $.['cluster.name'] = \"flat\" }", PATHS, new int[] {0}),
                Arguments.of("{ $.cluster.name = \"flat\" }", PATHS, new int[] {1}),
                Arguments.of("{ $.arr[0] = \"hit\" }", PATHS, new int[] {1, 7}),
                Arguments.of("{ $.arr[*] = \"hit\" }", PATHS, new int[] {0, 1, 7, 8}),
                Arguments.of("{ $.* = \"hit\" }", PATHS, new int[] {4, 5, 6}),
                Arguments.of("{ $.matrix[0][1] = 1 }", PATHS, new int[] {0}),
                Arguments.of("{ $.items[*].a = 1 && $.items[*].b = 2 }", PATHS, new int[] {0, 1, 7}),
                Arguments.of("{ $.a = 1 && $.c = 3 }", PATHS, new int[] {3}),
                Arguments.of("{ $.a = 1 || $.b = 2 && $.c = 3 }", PATHS, new int[] {0, 1, 3}),
                Arguments.of("{ ($.a = 1 || $.b = 2) && $.c = 3 }", PATHS, new int[] {1, 3}),
                Arguments.of("{ $.nested.value NOT EXISTS }", PATHS, new int[] {2, 3, 6, 7, 8, 9}),
                Arguments.of("{ $.nested.value IS NULL }", PATHS, new int[] {4}),
                Arguments.of("[ip, identity, user, timestamp, request, status, bytes]", SPACE, new int[] {0, 1, 2, 3, 4, 5}),
                Arguments.of("[ip, identity, user, timestamp, request, status >= 400, bytes > 1000]", SPACE, new int[] {0, 2, 5}),
                Arguments.of("[..., request = *.html*, status = 4*, bytes]", SPACE, new int[] {0, 1, 5}),
                Arguments.of("[..., status = 404 || status = 410, bytes]", SPACE, new int[] {0, 1, 5}),
                Arguments.of("[ip = %127\\.0\\.0\\.[1-3]%, identity, user, timestamp, request, status, bytes]", SPACE, new int[] {0, 1, 2}),
                Arguments.of("[..., bytes]", SPACE, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}),
                Arguments.of("[ip, ..., status, bytes]", SPACE, new int[] {0, 1, 2, 3, 4, 5, 6, 8, 11}),
                Arguments.of("[]", SPACE, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}),
                Arguments.of("[w1=ERROR, w2]", SPACE, new int[] {6, 10, 11}),
                Arguments.of("[w1!=ERROR && w1!=WARNING, w2]", SPACE, new int[] {0, 1, 2, 3, 4, 5, 8}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedAnswers")
    void patterns_match_the_events_aws_matched(String pattern, String[] corpus, int[] expected) {
        FilterPattern parsed = FilterPattern.parse(pattern);
        List<Integer> matched = new ArrayList<>();
        for (int i = 0; i < corpus.length; i++) {
            if (parsed.matches(corpus[i])) {
                matched.add(i);
            }
        }
        assertThat(matched).as(pattern).containsExactly(java.util.Arrays.stream(expected).boxed().toArray(Integer[]::new));
    }

    /** AWS's refusals and their messages (FilterLogEvents where it was recorded, TestMetricFilter otherwise). */
    static Stream<Arguments> recordedRefusals() {
        return Stream.of(
                Arguments.of("%^(ERROR|WARN)%", "Invalid character(s) in term '%^('"),
                Arguments.of("%hello!%", "Invalid character(s) in term '%hello!'"),
                Arguments.of("%ERROR(?= 500)%", "Invalid character(s) in term '%ERROR('"),
                Arguments.of("%[abc%", "Failed to compile regular expression."),
                Arguments.of("\"ERROR", "Invalid character(s) in term '\"ERROR'"),
                Arguments.of("ERR*", "Invalid character(s) in term '*'"),
                Arguments.of("{ \"v\": [1] }", "Invalid character(s) in term ':'"),
                Arguments.of("{ !($.v = 1) }", "Invalid character(s) in term '!('"),
                Arguments.of("{ $.v = %(Alpha|Beta)% }", "Invalid character(s) in term '%('"),
                Arguments.of("{ $..value = \"hit\" }", "Invalid character(s) in term '$..'"),
                Arguments.of("{ $.arr[-1] = \"hit\" }", "Invalid character(s) in term '[-'"),
                Arguments.of("{ $.arr[0:2] = \"hit\" }", "Invalid character(s) in term '[0:'"),
                Arguments.of("{ $.v == 1 }", "Invalid filter pattern"),
                Arguments.of("{ $.v > 0 AND $.v < 2 }", "Invalid filter pattern"),
                Arguments.of("{ $.v = null }", "Invalid filter pattern"),
                Arguments.of("[..., status, ...]", "Duplicate field '...'"),
                Arguments.of("[word, word]", "Duplicate field 'word'"),
                // jorgebastida/awslogs#210, FilterLogEvents
                Arguments.of("{$.kubernetes.namespace_name=\"abc\"", "If a filter pattern starts with '{' it must end with '}'"),
                // DefangLabs/defang#1008
                Arguments.of("\"\"", "Invalid character(s) in term '\"\"'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedRefusals")
    void patterns_aws_refused_are_refused_with_its_message(String pattern, String message) {
        assertThatThrownBy(() -> FilterPattern.parse(pattern)).isInstanceOf(FilterPattern.InvalidPatternException.class).hasMessage(message);
    }

    @Test
    void an_empty_pattern_matches_everything() {
        assertThat(FilterPattern.parse("").matchesAll()).isTrue();
        assertThat(FilterPattern.parse(null).matches("anything")).isTrue();
        assertThat(FilterPattern.parse("  ").matchesAll()).isTrue();
    }

    @Test
    void an_index_of_selector_values_gives_the_same_answers_as_a_scan() {
        String[] patterns = {"{ $.v = 1 }", "{ $.v != \"Alpha\" }", "{ $.v NOT EXISTS }", "{ $.v IS NULL }", "{ $.v = \"Alpha*\" && $.v != \"Alphabet\" }"};
        for (String pattern : patterns) {
            FilterPattern parsed = FilterPattern.parse(pattern);
            JsonScanner.Selector[] selectors = parsed.indexableSelectors();
            assertThat(selectors).as(pattern).isNotNull();
            for (String event : SCALARS) {
                byte[] bytes = event.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                long[] values = LogGroup.FieldIndex.values(bytes, 0, bytes.length, selectors);
                assertThat(parsed.matchesIndexed(bytes, 0, values)).as(pattern + " on " + event).isEqualTo(parsed.matches(event));
            }
        }
        assertThat(FilterPattern.parse("{ $.a[*] = 1 }").indexableSelectors()).isNull();
    }
}
