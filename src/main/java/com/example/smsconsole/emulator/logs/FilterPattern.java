package com.example.smsconsole.emulator.logs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CloudWatch Logs filter pattern, parsed once and matched against event messages.
 *
 * <ul>
 *   <li>empty: every event;</li>
 *   <li>terms: {@code ERROR Exception} (all), {@code "exact phrase"}, {@code -term} (exclude),
 *       {@code ?ERROR ?WARN} (any), matched case-sensitively anywhere in the message;</li>
 *   <li>regular expression: {@code %TEXT_(DELIVERED|SUCCESSFUL)%};</li>
 *   <li>JSON: {@code { $.eventType = "TEXT_DELIVERED" }}, {@code { $.destinationPhoneNumber = "+1425*" }},
 *       {@code { $.totalMessagePrice > 0.01 && $.isFinal IS TRUE }}, {@code ||}, parentheses,
 *       {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code IS NULL}, {@code NOT EXISTS},
 *       array elements ({@code $.list[0]}) and regular-expression values ({@code %...%}).</li>
 * </ul>
 * Space-delimited patterns ({@code [ip, user, ...]}) are not supported and are refused.
 */
public final class FilterPattern {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final FilterPattern ALL = new FilterPattern(null, List.of());

    /** A pattern the service would refuse. */
    public static final class InvalidPatternException extends RuntimeException {
        InvalidPatternException(String message) {
            super(message);
        }
    }

    private interface Node {
        boolean matches(JsonNode root);
    }

    private interface MessageMatcher {
        boolean matches(String message);
    }

    private final @Nullable MessageMatcher matcher;
    private final List<String> requiredLiterals;

    private FilterPattern(@Nullable MessageMatcher matcher, List<String> requiredLiterals) {
        this.matcher = matcher;
        this.requiredLiterals = requiredLiterals;
    }

    public static FilterPattern parse(@Nullable String pattern) {
        String text = pattern == null ? "" : pattern.strip();
        if (text.isEmpty()) {
            return ALL;
        }
        if (text.startsWith("{")) {
            if (!text.endsWith("}")) {
                throw new InvalidPatternException("Invalid filter pattern: a JSON pattern ends with '}'.");
            }
            var parser = new JsonPatternParser(text.substring(1, text.length() - 1));
            Node node = parser.parse();
            return new FilterPattern(message -> {
                JsonNode root;
                try {
                    root = MAPPER.readTree(message);
                } catch (JacksonException e) {
                    return false;
                }
                return root != null && root.isObject() && node.matches(root);
            }, parser.requiredLiterals());
        }
        if (text.startsWith("[")) {
            throw new InvalidPatternException("Invalid filter pattern: space-delimited patterns are not supported by the local emulator.");
        }
        if (text.length() > 1 && text.startsWith("%") && text.endsWith("%")) {
            Pattern regex = regex(text.substring(1, text.length() - 1));
            return new FilterPattern(message -> regex.matcher(message).find(), List.of());
        }
        return terms(text);
    }

    /** Whether the pattern matches every event (no filtering). */
    public boolean matchesAll() {
        return matcher == null;
    }

    public boolean matches(String message) {
        if (matcher == null) {
            return true;
        }
        for (String literal : requiredLiterals) {
            if (!message.contains(literal)) {
                return false;
            }
        }
        return matcher.matches(message);
    }

    private static FilterPattern terms(String text) {
        List<String> all = new ArrayList<>();
        List<String> any = new ArrayList<>();
        List<String> none = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<String> target = all;
            if (c == '-' || c == '?') {
                target = c == '-' ? none : any;
                i++;
                if (i >= text.length()) {
                    throw new InvalidPatternException("Invalid filter pattern: '" + c + "' must be followed by a term.");
                }
            }
            String term;
            if (text.charAt(i) == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new InvalidPatternException("Invalid filter pattern: unterminated quoted term.");
                }
                term = text.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                term = text.substring(i, end);
                i = end;
            }
            if (!term.isEmpty()) {
                target.add(term);
            }
        }
        List<String> required = List.copyOf(all);
        return new FilterPattern(message -> {
            for (String term : none) {
                if (message.contains(term)) {
                    return false;
                }
            }
            if (!any.isEmpty() && any.stream().noneMatch(message::contains)) {
                return false;
            }
            return true;
        }, required);
    }

    private static Pattern regex(String body) {
        try {
            return Pattern.compile(body);
        } catch (PatternSyntaxException e) {
            throw new InvalidPatternException("Invalid filter pattern: bad regular expression " + body);
        }
    }

    /** Recursive-descent parser for the inside of a JSON pattern. */
    private static final class JsonPatternParser {

        private final String text;
        private int pos;
        private boolean onlyConjunctions = true;
        private final List<String> literals = new ArrayList<>();

        JsonPatternParser(String text) {
            this.text = text;
        }

        Node parse() {
            Node node = or();
            skipSpace();
            if (pos < text.length()) {
                throw error("unexpected '" + text.substring(pos) + "'");
            }
            return node;
        }

        /** Literal strings every matching message must contain (used to skip parsing). */
        List<String> requiredLiterals() {
            return onlyConjunctions ? List.copyOf(literals) : List.of();
        }

        private Node or() {
            Node left = and();
            while (consume("||")) {
                onlyConjunctions = false;
                Node l = left;
                Node r = and();
                left = root -> l.matches(root) || r.matches(root);
            }
            return left;
        }

        private Node and() {
            Node left = primary();
            while (consume("&&")) {
                Node l = left;
                Node r = primary();
                left = root -> l.matches(root) && r.matches(root);
            }
            return left;
        }

        private Node primary() {
            skipSpace();
            if (consume("(")) {
                Node inner = or();
                if (!consume(")")) {
                    throw error("missing ')'");
                }
                return inner;
            }
            return comparison();
        }

        private Node comparison() {
            List<Object> path = selector();
            skipSpace();
            if (consumeWord("IS")) {
                if (consumeWord("TRUE")) {
                    return root -> valueAt(root, path) instanceof JsonNode n && n.isBoolean() && n.asBoolean();
                }
                if (consumeWord("FALSE")) {
                    return root -> valueAt(root, path) instanceof JsonNode n && n.isBoolean() && !n.asBoolean();
                }
                if (consumeWord("NULL")) {
                    return root -> valueAt(root, path) instanceof JsonNode n && n.isNull();
                }
                throw error("expected TRUE, FALSE or NULL after IS");
            }
            if (consumeWord("NOT")) {
                if (!consumeWord("EXISTS")) {
                    throw error("expected EXISTS after NOT");
                }
                onlyConjunctions = false;
                return root -> valueAt(root, path) == null;
            }
            String op = operator();
            skipSpace();
            Value value = value();
            if (op.equals("!=")) {
                onlyConjunctions = false;
            }
            if (value.regex() != null) {
                Pattern regex = value.regex();
                if (!op.equals("=") && !op.equals("!=")) {
                    throw error("regular expressions compare with = or != only");
                }
                boolean negate = op.equals("!=");
                return root -> {
                    JsonNode n = valueAt(root, path);
                    return n != null && !n.isContainer() && regex.matcher(n.asString()).find() != negate;
                };
            }
            if (value.number() != null && !value.quoted()) {
                BigDecimal expected = value.number();
                return root -> {
                    JsonNode n = valueAt(root, path);
                    if (n == null || !n.isNumber()) {
                        if (n != null && n.isString() && (op.equals("=") || op.equals("!="))) {
                            return n.asString().equals(value.text()) == op.equals("=");
                        }
                        return false;
                    }
                    int cmp = n.decimalValue().compareTo(expected);
                    return switch (op) {
                        case "=" -> cmp == 0;
                        case "!=" -> cmp != 0;
                        case "<" -> cmp < 0;
                        case "<=" -> cmp <= 0;
                        case ">" -> cmp > 0;
                        default -> cmp >= 0;
                    };
                };
            }
            if (!op.equals("=") && !op.equals("!=")) {
                throw error("strings compare with = or != only");
            }
            String expected = value.text();
            if (op.equals("=") && expected.matches("[A-Za-z0-9 _+.:@-]+")) {
                literals.add(expected);
            }
            Pattern glob = expected.contains("*") ? Pattern.compile(globToRegex(expected)) : null;
            boolean negate = op.equals("!=");
            return root -> {
                JsonNode n = valueAt(root, path);
                if (n == null || n.isContainer() || n.isNull()) {
                    return false;
                }
                String actual = n.asString();
                boolean equal = glob == null ? actual.equals(expected) : glob.matcher(actual).matches();
                return equal != negate;
            };
        }

        private record Value(String text, boolean quoted, @Nullable BigDecimal number, @Nullable Pattern regex) {
        }

        private Value value() {
            if (pos >= text.length()) {
                throw error("missing value");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                int end = text.indexOf('"', pos + 1);
                if (end < 0) {
                    throw error("unterminated string");
                }
                String s = text.substring(pos + 1, end);
                pos = end + 1;
                return new Value(s, true, null, null);
            }
            if (c == '%') {
                int end = text.indexOf('%', pos + 1);
                if (end < 0) {
                    throw error("unterminated regular expression");
                }
                Pattern regex = regex(text.substring(pos + 1, end));
                pos = end + 1;
                return new Value("", false, null, regex);
            }
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && "()&|}".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (word.isEmpty()) {
                throw error("missing value");
            }
            BigDecimal number = null;
            try {
                number = new BigDecimal(word);
            } catch (NumberFormatException e) {
                // a bare word
            }
            return new Value(word, false, number, null);
        }

        private String operator() {
            for (String op : new String[] {"!=", "<=", ">=", "=", "<", ">"}) {
                if (text.startsWith(op, pos)) {
                    pos += op.length();
                    return op;
                }
            }
            throw error("expected a comparison operator");
        }

        private List<Object> selector() {
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != '$') {
                throw error("a selector starts with $");
            }
            pos++;
            List<Object> path = new ArrayList<>();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '.') {
                    pos++;
                    int start = pos;
                    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_-@:".indexOf(text.charAt(pos)) >= 0)) {
                        pos++;
                    }
                    if (start == pos) {
                        throw error("missing field name after '.'");
                    }
                    path.add(text.substring(start, pos));
                } else if (c == '[') {
                    int end = text.indexOf(']', pos);
                    if (end < 0) {
                        throw error("missing ']'");
                    }
                    try {
                        path.add(Integer.parseInt(text.substring(pos + 1, end).strip()));
                    } catch (NumberFormatException e) {
                        throw error("array index must be a number");
                    }
                    pos = end + 1;
                } else {
                    break;
                }
            }
            if (path.isEmpty()) {
                throw error("a selector names a field, for example $.eventType");
            }
            return path;
        }

        private static @Nullable JsonNode valueAt(JsonNode root, List<Object> path) {
            JsonNode current = root;
            for (Object step : path) {
                if (current == null) {
                    return null;
                }
                current = step instanceof Integer index ? (current.isArray() ? current.get(index) : null) : current.get((String) step);
            }
            return current;
        }

        private boolean consume(String token) {
            skipSpace();
            if (text.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private boolean consumeWord(String word) {
            skipSpace();
            int end = pos + word.length();
            if (text.regionMatches(true, pos, word, 0, word.length()) && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                pos = end;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private InvalidPatternException error(String what) {
            return new InvalidPatternException("Invalid filter pattern: " + what + " (at position " + (pos + 1) + " of the JSON pattern).");
        }
    }

    private static String globToRegex(String glob) {
        return java.util.Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(java.util.stream.Collectors.joining(".*"));
    }
}
