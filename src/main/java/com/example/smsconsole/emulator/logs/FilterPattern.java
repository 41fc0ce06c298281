package com.example.smsconsole.emulator.logs;

import static com.example.smsconsole.emulator.logs.JsonScanner.ABSENT;
import static com.example.smsconsole.emulator.logs.JsonScanner.kind;

import com.example.smsconsole.emulator.logs.JsonScanner.Selector;
import com.example.smsconsole.emulator.logs.JsonScanner.Step;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A CloudWatch Logs filter pattern, parsed once and matched against event messages: the language of
 * AWS's "Filter pattern syntax for metric filters, subscription filters, filter log events, and Live
 * Tail" page and its sub-pages (unstructured terms, JSON, space-delimited, regular expressions).
 * Design notes and the sources behind each rule: {@code docs/decisions/013-20261201-logs-filter-patterns-and-insights.md}.
 *
 * <ul>
 *   <li>empty: every event;</li>
 *   <li>terms: {@code ERROR ARGUMENTS} (all), {@code "exact phrase"}, {@code -term} (exclude),
 *       {@code ?ERROR ?WARN} (any, ignored when combined with included or excluded terms, as the
 *       page notes), case-sensitive substrings;</li>
 *   <li>regular expression: {@code %AUTHORIZED%}, with only the characters and operators the page
 *       lists ({@code ( )}, other symbols and multi-byte characters are refused);</li>
 *   <li>JSON: {@code { $.eventType = "UpdateTrail" }}, wildcards at the ends of strings,
 *       numbers, {@code IS TRUE|FALSE|NULL}, {@code NOT EXISTS}, {@code &&}, {@code ||}, parentheses,
 *       array elements {@code $.a[0]}, wildcard selectors {@code $.a[*]} and {@code $.*} (one per
 *       selector, three per pattern), bracketed names {@code $.['cluster.name']}, regular
 *       expressions {@code %...%} (two per pattern);</li>
 *   <li>space-delimited: {@code [ip, user, ..., status_code = 4* && status_code != 403, bytes > 1000]}:
 *       fields split on spaces, {@code [...]} and {@code "..."} one field each, one ellipsis, the
 *       last named field takes the rest of the line, conditions on the field's own name.</li>
 * </ul>
 * A pattern AWS would refuse throws {@link InvalidPatternException} with the message FilterLogEvents
 * gives.
 */
public final class FilterPattern {

    /** FilterLogEvents' message for a pattern that does not parse. */
    static final String INVALID = "Invalid filter pattern";

    private static final FilterPattern ALL = new FilterPattern(null, null, null, null, null);
    private static final String REGEX_SYMBOLS = ":_#=@/;,- ";
    private static final String REGEX_OPERATORS = "^$?[]{}|\\*+.";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern OPEN_QUANTIFIER = Pattern.compile("(?<!\\\\)\\{,");
    static final int MAX_REGEX = 2;
    static final int MAX_WILDCARDS = 3;

    /** A pattern the service would refuse; the message is the service's. */
    public static final class InvalidPatternException extends RuntimeException {
        InvalidPatternException(String message) {
            super(message, null, false, false);
        }
    }

    private final @Nullable Terms terms;
    private final @Nullable Pattern regex;
    private final @Nullable JsonPattern json;
    private final @Nullable Delimited delimited;
    private final @Nullable String source;

    private FilterPattern(@Nullable Terms terms, @Nullable Pattern regex, @Nullable JsonPattern json, @Nullable Delimited delimited,
            @Nullable String source) {
        this.terms = terms;
        this.regex = regex;
        this.json = json;
        this.delimited = delimited;
        this.source = source;
    }

    public static FilterPattern parse(@Nullable String pattern) {
        String text = pattern == null ? "" : pattern.strip();
        if (text.isEmpty()) {
            return ALL;
        }
        if (text.charAt(0) == '{') {
            if (text.charAt(text.length() - 1) != '}') {
                // the message real users report for FilterLogEvents (jorgebastida/awslogs#210)
                throw new InvalidPatternException("If a filter pattern starts with '{' it must end with '}'");
            }
            return new FilterPattern(null, null, JsonPattern.parse(text.substring(1, text.length() - 1)), null, text);
        }
        if (text.charAt(0) == '[') {
            if (text.charAt(text.length() - 1) != ']') {
                throw new InvalidPatternException(INVALID);
            }
            return new FilterPattern(null, null, null, Delimited.parse(text.substring(1, text.length() - 1)), text);
        }
        if (text.charAt(0) == '%') {
            if (text.length() < 2 || text.charAt(text.length() - 1) != '%') {
                checkRegexCharacters(text.substring(1));
                throw term(text);
            }
            if (text.length() == 2) {
                throw new InvalidPatternException(INVALID);
            }
            return new FilterPattern(null, regex(text.substring(1, text.length() - 1)), null, null, text);
        }
        return new FilterPattern(Terms.parse(text), null, null, null, text);
    }

    /** Whether the pattern matches every event (no filtering). */
    public boolean matchesAll() {
        return source == null;
    }

    public boolean matches(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return matches(bytes, 0, bytes.length);
    }

    /** Matches one stored message (its UTF-8 bytes), parsing what the pattern needs. */
    boolean matches(byte[] bytes, int offset, int length) {
        if (terms != null) {
            return terms.matches(bytes, offset, length);
        }
        if (json != null) {
            return json.matches(bytes, offset, length);
        }
        if (regex != null) {
            return regex.matcher(new String(bytes, offset, length, StandardCharsets.UTF_8)).find();
        }
        if (delimited != null) {
            return delimited.matches(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
        return true;
    }

    /**
     * The selectors of a JSON pattern whose values an index can hold (one value per event: no
     * wildcards), or null when the pattern is not such a pattern.
     */
    Selector @Nullable [] indexableSelectors() {
        return json != null && json.indexable ? json.selectors : null;
    }

    /** Matches one message given its selector values from an index (see {@link #indexableSelectors()}). */
    boolean matchesIndexed(byte[] bytes, int offset, long[] values) {
        return json != null && json.matchesValues(bytes, offset, values);
    }

    @Override
    public String toString() {
        return source == null ? "" : source;
    }

    private static InvalidPatternException term(String lexeme) {
        // AWS names the offending piece of the pattern: "Invalid character(s) in term '%^('"
        return new InvalidPatternException("Invalid character(s) in term '" + lexeme + "'");
    }

    /**
     * A regular expression as the page's "Supported regular expressions (regex) syntax" allows:
     * alphanumerics, the listed symbols and operators (a space too: the page's own
     * {@code %^shutting down%}), no {@code ( )}, no multi-byte characters. {@code {,n}} (the page: "Either
     * m or n can be omitted") is Java's {@code {0,n}}.
     */
    static Pattern regex(String body) {
        checkRegexCharacters(body);
        try {
            return Pattern.compile(OPEN_QUANTIFIER.matcher(body).replaceAll("{0,"));
        } catch (PatternSyntaxException e) {
            throw new InvalidPatternException("Failed to compile regular expression.");
        }
    }

    private static void checkRegexCharacters(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean alphanumeric = c < 128 && Character.isLetterOrDigit(c);
            if (!alphanumeric && REGEX_SYMBOLS.indexOf(c) < 0 && REGEX_OPERATORS.indexOf(c) < 0) {
                throw term("%" + body.substring(0, i + Character.charCount(body.codePointAt(i))));
            }
        }
    }

    // --- terms -------------------------------------------------------------------------------

    private record Terms(List<byte[]> required, List<byte[]> excluded, List<byte[]> optional) {

        static Terms parse(String text) {
            List<byte[]> required = new ArrayList<>();
            List<byte[]> excluded = new ArrayList<>();
            List<byte[]> optional = new ArrayList<>();
            int i = 0;
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                List<byte[]> target = required;
                if (c == '-' || c == '?') {
                    target = c == '-' ? excluded : optional;
                    i++;
                    if (i >= n || Character.isWhitespace(text.charAt(i))) {
                        throw new InvalidPatternException(INVALID);
                    }
                    c = text.charAt(i);
                }
                String term;
                if (c == '"') {
                    int close = text.indexOf('"', i + 1);
                    if (close < 0) {
                        throw term(text.substring(i));
                    }
                    term = text.substring(i + 1, close);
                    if (term.isEmpty()) {
                        throw term("\"\"");
                    }
                    i = close + 1;
                } else {
                    int start = i;
                    while (i < n && isWordChar(text.charAt(i))) {
                        i++;
                    }
                    if (i == start) {
                        throw term(text.substring(i, i + Character.charCount(text.codePointAt(i))));
                    }
                    term = text.substring(start, i);
                }
                if (i < n && !Character.isWhitespace(text.charAt(i))) {
                    throw term(text.substring(i, i + Character.charCount(text.codePointAt(i))));
                }
                target.add(term.getBytes(StandardCharsets.UTF_8));
            }
            return new Terms(List.copyOf(required), List.copyOf(excluded), List.copyOf(optional));
        }

        boolean matches(byte[] bytes, int offset, int length) {
            for (byte[] term : required) {
                if (indexOf(bytes, offset, length, term) < 0) {
                    return false;
                }
            }
            for (byte[] term : excluded) {
                if (indexOf(bytes, offset, length, term) >= 0) {
                    return false;
                }
            }
            if (!required.isEmpty() || !excluded.isEmpty() || optional.isEmpty()) {
                // "If you combine "?" with other filter patterns, all question mark terms will be ignored."
                return true;
            }
            for (byte[] term : optional) {
                if (indexOf(bytes, offset, length, term) >= 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    static int indexOf(byte[] haystack, int offset, int length, byte[] needle) {
        int last = offset + length - needle.length;
        if (needle.length == 0) {
            return offset;
        }
        byte first = needle[0];
        outer:
        for (int i = offset; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int k = 1; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // --- values compared by JSON and space-delimited patterns ---------------------------------

    /**
     * A literal on the right of a comparison: a string with {@code *} wildcards at its ends (a
     * {@code *} inside is a character: "Ev*ent will only match the actual string Ev*ent"), a number,
     * or a regular expression.
     */
    private static final class Literal {
        final String text;
        final @Nullable BigDecimal number;
        final @Nullable Pattern regex;
        final boolean any;
        final boolean prefix;
        final boolean suffix;
        final String core;
        final byte[] coreBytes;

        Literal(String text, boolean quoted, @Nullable Pattern regex) {
            this.text = text;
            this.regex = regex;
            this.number = !quoted && regex == null && NUMBER.matcher(text).matches() ? new BigDecimal(text.startsWith("+") ? text.substring(1) : text) : null;
            boolean star = regex == null && number == null;
            this.any = star && text.equals("*");
            this.suffix = star && !any && text.startsWith("*");
            this.prefix = star && !any && text.endsWith("*") && text.length() > (suffix ? 1 : 0);
            this.core = any ? "" : text.substring(suffix ? 1 : 0, text.length() - (prefix ? 1 : 0));
            this.coreBytes = core.getBytes(StandardCharsets.UTF_8);
        }

        /** String comparison (equality with the end wildcards). */
        boolean textMatches(String value) {
            if (any) {
                return true;
            }
            if (prefix && suffix) {
                return value.contains(core);
            }
            if (prefix) {
                return value.startsWith(core);
            }
            if (suffix) {
                return value.endsWith(core);
            }
            return value.equals(number != null ? text : core);
        }

        /** The same on UTF-8 bytes without escapes. */
        boolean textMatches(byte[] b, int start, int length) {
            if (any) {
                return true;
            }
            byte[] c = number != null ? text.getBytes(StandardCharsets.UTF_8) : coreBytes;
            if (prefix && suffix) {
                return indexOf(b, start, length, c) >= 0;
            }
            if (prefix) {
                return length >= c.length && Arrays.equals(b, start, start + c.length, c, 0, c.length);
            }
            if (suffix) {
                return length >= c.length && Arrays.equals(b, start + length - c.length, start + length, c, 0, c.length);
            }
            return length == c.length && Arrays.equals(b, start, start + length, c, 0, c.length);
        }
    }

    private static @Nullable BigDecimal number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    }

    private static boolean compare(int cmp, String op) {
        return switch (op) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    // --- lexing shared by JSON and space-delimited patterns -----------------------------------

    private enum T { SELECTOR, WORD, STRING, REGEX, OP, AND, OR, LPAREN, RPAREN, COMMA }

    private record Token(T type, String text, @Nullable Selector selector) {
    }

    /** Tokenises the inside of a JSON ({@code json}) or space-delimited pattern; lexical errors name the term. */
    private static List<Token> lex(String s, boolean json) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(c == '(' ? T.LPAREN : T.RPAREN, String.valueOf(c), null));
                i++;
            } else if (!json && c == ',') {
                tokens.add(new Token(T.COMMA, ",", null));
                i++;
            } else if (c == '&' || c == '|') {
                if (i + 1 < n && s.charAt(i + 1) == c) {
                    tokens.add(new Token(c == '&' ? T.AND : T.OR, s.substring(i, i + 2), null));
                    i += 2;
                } else {
                    throw term(s.substring(i, Math.min(n, i + 2)));
                }
            } else if (c == '=' || c == '<' || c == '>') {
                int len = (c != '=' && i + 1 < n && s.charAt(i + 1) == '=') ? 2 : 1;
                tokens.add(new Token(T.OP, s.substring(i, i + len), null));
                i += len;
            } else if (c == '!') {
                if (i + 1 < n && s.charAt(i + 1) == '=') {
                    tokens.add(new Token(T.OP, "!=", null));
                    i += 2;
                } else {
                    throw term(s.substring(i, Math.min(n, i + 2)));
                }
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder value = new StringBuilder();
                while (j < n && s.charAt(j) != '"') {
                    if (s.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    value.append(s.charAt(j));
                    j++;
                }
                if (j >= n) {
                    throw term(s.substring(i));
                }
                tokens.add(new Token(T.STRING, value.toString(), null));
                i = j + 1;
            } else if (c == '%') {
                int close = s.indexOf('%', i + 1);
                String body = close < 0 ? s.substring(i + 1) : s.substring(i + 1, close);
                regex(body);
                if (close < 0 || close == i + 1) {
                    throw close < 0 ? term(s.substring(i)) : new InvalidPatternException(INVALID);
                }
                tokens.add(new Token(T.REGEX, body, null));
                i = close + 1;
            } else if (json && c == '$') {
                int[] end = new int[1];
                Selector selector = selector(s, i, end);
                tokens.add(new Token(T.SELECTOR, s.substring(i, end[0]), selector));
                i = end[0];
            } else if (isBareChar(c, json)) {
                int j = i;
                while (j < n && isBareChar(s.charAt(j), json)) {
                    j++;
                }
                tokens.add(new Token(T.WORD, s.substring(i, j), null));
                i = j;
            } else {
                throw term(s.substring(i, i + Character.charCount(s.codePointAt(i))));
            }
        }
        return tokens;
    }

    private static boolean isBareChar(char c, boolean json) {
        if (c >= 128) {
            return false;
        }
        return Character.isLetterOrDigit(c) || "_.*+-".indexOf(c) >= 0 || (!json && "/:@".indexOf(c) >= 0);
    }

    /**
     * A JSON property selector: {@code $} then {@code .name}, {@code .*}, {@code [n]}, {@code [*]}
     * or {@code ['name']} (also after a dot, as the page writes {@code $.['cluster.name']}). Names are
     * alphanumerics, hyphens and underscores.
     */
    private static Selector selector(String s, int start, int[] end) {
        int i = start + 1;
        int n = s.length();
        List<Step> steps = new ArrayList<>();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '.') {
                i++;
                if (i < n && s.charAt(i) == '[') {
                    continue;
                }
                if (i < n && s.charAt(i) == '*') {
                    steps.add(Step.any());
                    i++;
                    continue;
                }
                int nameStart = i;
                while (i < n && isNameChar(s.charAt(i))) {
                    i++;
                }
                if (i == nameStart) {
                    throw term(s.substring(start, Math.min(n, i + 1)));
                }
                steps.add(Step.name(s.substring(nameStart, i)));
            } else if (c == '[') {
                int open = i;
                i++;
                if (i < n && s.charAt(i) == '*') {
                    i++;
                    steps.add(Step.any());
                } else if (i < n && (s.charAt(i) == '\'' || s.charAt(i) == '"')) {
                    char quote = s.charAt(i);
                    int close = s.indexOf(quote, i + 1);
                    if (close < 0) {
                        throw term(s.substring(open));
                    }
                    steps.add(Step.name(s.substring(i + 1, close)));
                    i = close + 1;
                } else {
                    int digits = i;
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                    if (i == digits || i - digits > 9) {
                        throw term(s.substring(open, Math.min(n, i + 1)));
                    }
                    steps.add(Step.index(Integer.parseInt(s, digits, i, 10)));
                }
                if (i >= n || s.charAt(i) != ']') {
                    throw term(s.substring(open, Math.min(n, i + 1)));
                }
                i++;
            } else {
                break;
            }
        }
        end[0] = i;
        if (steps.isEmpty()) {
            throw new InvalidPatternException(INVALID);
        }
        Selector selector = new Selector(steps.toArray(Step[]::new));
        if (selector.wildcards() > 1) {
            throw new InvalidPatternException("Your filter pattern has a JSON path selector that exceeds the maximum of 1 wildcard allowed per json selector.");
        }
        return selector;
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }

    /** A recursive-descent cursor over tokens; syntax errors are FilterLogEvents' generic message. */
    private static final class Cursor {
        final List<Token> tokens;
        int pos;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        @Nullable Token peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        boolean at(T type) {
            Token t = peek();
            return t != null && t.type() == type;
        }

        boolean atWord(String word) {
            Token t = peek();
            return t != null && t.type() == T.WORD && t.text().equalsIgnoreCase(word);
        }

        Token next(T type) {
            Token t = peek();
            if (t == null || t.type() != type) {
                throw new InvalidPatternException(INVALID);
            }
            pos++;
            return t;
        }

        void word(String word) {
            if (!atWord(word)) {
                throw new InvalidPatternException(INVALID);
            }
            pos++;
        }
    }

    // --- JSON patterns -------------------------------------------------------------------------

    /** The values of one event's selectors: for a selector without wildcards exactly one (maybe absent). */
    static final class Candidates implements JsonScanner.Sink {
        final long[][] values;
        final int[] counts;
        boolean object;

        Candidates(int selectors) {
            values = new long[selectors][1];
            counts = new int[selectors];
        }

        void clear() {
            Arrays.fill(counts, 0);
        }

        @Override
        public void value(int selector, long packed) {
            long[] list = values[selector];
            if (counts[selector] == list.length) {
                values[selector] = list = Arrays.copyOf(list, list.length * 2);
            }
            list[counts[selector]++] = packed;
        }

        @Override
        public void reset(int selector) {
            counts[selector] = 0;
        }
    }

    private interface Expr {
        boolean eval(Candidates c, byte[] b, int off);
    }

    private record Or(Expr left, Expr right) implements Expr {
        @Override
        public boolean eval(Candidates c, byte[] b, int off) {
            return left.eval(c, b, off) || right.eval(c, b, off);
        }
    }

    private record And(Expr left, Expr right) implements Expr {
        @Override
        public boolean eval(Candidates c, byte[] b, int off) {
            return left.eval(c, b, off) && right.eval(c, b, off);
        }
    }

    /** One condition on one selector; with a wildcard selector, true when any value meets it. */
    private static final class Condition implements Expr {
        static final int COMPARE = 0;
        static final int IS_TRUE = 1;
        static final int IS_FALSE = 2;
        static final int IS_NULL = 3;
        static final int NOT_EXISTS = 4;

        final int selector;
        final boolean wildcard;
        final int test;
        final String op;
        final @Nullable Literal literal;

        Condition(int selector, boolean wildcard, int test, String op, @Nullable Literal literal) {
            this.selector = selector;
            this.wildcard = wildcard;
            this.test = test;
            this.op = op;
            this.literal = literal;
        }

        @Override
        public boolean eval(Candidates c, byte[] b, int off) {
            int count = c.counts[selector];
            if (test == NOT_EXISTS) {
                return count == 0 || (!wildcard && kind(c.values[selector][count - 1]) == JsonScanner.MISSING);
            }
            if (!wildcard) {
                return count > 0 && test(c.values[selector][count - 1], b, off);
            }
            long[] list = c.values[selector];
            for (int k = 0; k < count; k++) {
                if (test(list[k], b, off)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The value semantics (checked against AWS's answers for these cases, see the decision
         * record): numbers compare numerically with numbers and as text with strings; {@code <}
         * and friends only with numbers; strings compare as text, also with a number's text;
         * null, booleans, arrays and objects never equal or differ from anything.
         */
        boolean test(long v, byte[] b, int off) {
            int kind = kind(v);
            switch (test) {
                case IS_TRUE:
                    return kind == JsonScanner.TRUE;
                case IS_FALSE:
                    return kind == JsonScanner.FALSE;
                case IS_NULL:
                    return kind == JsonScanner.NULL || (kind == JsonScanner.ARRAY && (JsonScanner.flags(v) & JsonScanner.FLAG_NULL_ELEMENT) != 0);
                default:
                    break;
            }
            if (kind != JsonScanner.STRING && kind != JsonScanner.NUMBER) {
                return false;
            }
            Literal lit = literal;
            int start = off + JsonScanner.start(v);
            int length = JsonScanner.length(v);
            boolean escaped = kind == JsonScanner.STRING && (JsonScanner.flags(v) & JsonScanner.FLAG_ESCAPED) != 0;
            if (lit.regex != null) {
                String text = escaped ? JsonScanner.decode(b, start, length) : new String(b, start, length, StandardCharsets.UTF_8);
                return lit.regex.matcher(text).find() == op.equals("=");
            }
            if (lit.number != null && kind == JsonScanner.NUMBER) {
                return compare(new BigDecimal(new String(b, start, length, StandardCharsets.ISO_8859_1)).compareTo(lit.number), op);
            }
            if (!op.equals("=") && !op.equals("!=")) {
                return false;
            }
            boolean equal = escaped ? lit.textMatches(JsonScanner.decode(b, start, length)) : lit.textMatches(b, start, length);
            return equal == op.equals("=");
        }
    }

    private static final class JsonPattern {
        final Selector[] selectors;
        final boolean indexable;
        final Expr expr;
        private final ThreadLocal<Candidates> candidates;

        private JsonPattern(Selector[] selectors, Expr expr) {
            this.selectors = selectors;
            this.indexable = Arrays.stream(selectors).noneMatch(Selector::hasWildcard);
            this.expr = expr;
            this.candidates = ThreadLocal.withInitial(() -> new Candidates(selectors.length));
        }

        static JsonPattern parse(String inside) {
            List<Token> tokens = lex(inside, true);
            var parser = new JsonParser(new Cursor(tokens));
            Expr expr = parser.or();
            if (parser.cursor.peek() != null) {
                throw new InvalidPatternException(INVALID);
            }
            if (parser.regexes > MAX_REGEX) {
                throw new InvalidPatternException("Your input has exceeded the maximum of 2 regular expressions per filter pattern.");
            }
            if (parser.wildcards > MAX_WILDCARDS) {
                throw new InvalidPatternException("Your input has exceeded the maximum of 3 JSON wildcard selectors allowed per filter pattern.");
            }
            return new JsonPattern(parser.selectors.toArray(Selector[]::new), expr);
        }

        boolean matches(byte[] b, int off, int len) {
            Candidates c = candidates.get();
            c.clear();
            if (!JsonScanner.scan(b, off, len, selectors, c)) {
                return false;
            }
            return expr.eval(c, b, off);
        }

        boolean matchesValues(byte[] b, int off, long[] values) {
            if (values.length > 0 && values[0] == JsonScanner.NOT_OBJECT) {
                return false;
            }
            Candidates c = candidates.get();
            for (int i = 0; i < values.length; i++) {
                c.values[i][0] = values[i];
                c.counts[i] = 1;
            }
            return expr.eval(c, b, off);
        }
    }

    private static final class JsonParser {
        final Cursor cursor;
        final List<Selector> selectors = new ArrayList<>();
        int regexes;
        int wildcards;

        JsonParser(Cursor cursor) {
            this.cursor = cursor;
        }

        Expr or() {
            Expr left = and();
            while (cursor.at(T.OR)) {
                cursor.pos++;
                left = new Or(left, and());
            }
            return left;
        }

        Expr and() {
            Expr left = primary();
            while (cursor.at(T.AND)) {
                cursor.pos++;
                left = new And(left, primary());
            }
            return left;
        }

        Expr primary() {
            if (cursor.at(T.LPAREN)) {
                cursor.pos++;
                Expr inner = or();
                cursor.next(T.RPAREN);
                return inner;
            }
            Selector selector = cursor.next(T.SELECTOR).selector();
            int index = selectors.indexOf(selector);
            if (index < 0) {
                selectors.add(selector);
                index = selectors.size() - 1;
            }
            wildcards += selector.wildcards();
            boolean wildcard = selector.hasWildcard();
            if (cursor.atWord("IS")) {
                cursor.pos++;
                for (String word : new String[] {"TRUE", "FALSE", "NULL"}) {
                    if (cursor.atWord(word)) {
                        cursor.pos++;
                        int test = word.equals("TRUE") ? Condition.IS_TRUE : word.equals("FALSE") ? Condition.IS_FALSE : Condition.IS_NULL;
                        return new Condition(index, wildcard, test, "", null);
                    }
                }
                throw new InvalidPatternException(INVALID);
            }
            if (cursor.atWord("NOT")) {
                cursor.pos++;
                cursor.word("EXISTS");
                return new Condition(index, wildcard, Condition.NOT_EXISTS, "", null);
            }
            String op = cursor.next(T.OP).text();
            Token value = cursor.peek();
            if (value == null) {
                throw new InvalidPatternException(INVALID);
            }
            cursor.pos++;
            Literal literal = switch (value.type()) {
                case STRING -> new Literal(value.text(), true, null);
                case REGEX -> {
                    regexes++;
                    if (!op.equals("=") && !op.equals("!=")) {
                        throw new InvalidPatternException(INVALID);
                    }
                    yield new Literal(value.text(), false, regex(value.text()));
                }
                case WORD -> {
                    if (value.text().equalsIgnoreCase("null")) {
                        // AWS refuses "{ $.v = null }" (null is tested with IS NULL)
                        throw new InvalidPatternException(INVALID);
                    }
                    yield new Literal(value.text(), false, null);
                }
                default -> throw new InvalidPatternException(INVALID);
            };
            if (!op.equals("=") && !op.equals("!=") && literal.number == null) {
                throw new InvalidPatternException(INVALID);
            }
            return new Condition(index, wildcard, Condition.COMPARE, op, literal);
        }
    }

    // --- space-delimited patterns ----------------------------------------------------------------

    private interface FieldTest {
        boolean test(String value);
    }

    private record Field(@Nullable String name, boolean ellipsis, @Nullable FieldTest condition) {
    }

    private static final class Delimited {
        final List<Field> fields;
        final int ellipsis;
        final int named;

        Delimited(List<Field> fields) {
            this.fields = fields;
            int e = -1;
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).ellipsis()) {
                    e = i;
                }
            }
            this.ellipsis = e;
            this.named = fields.size() - (e >= 0 ? 1 : 0);
        }

        static Delimited parse(String inside) {
            List<Token> tokens = lex(inside, false);
            List<Field> fields = new ArrayList<>();
            Set<String> names = new HashSet<>();
            int[] regexes = new int[1];
            int start = 0;
            for (int i = 0; i <= tokens.size(); i++) {
                if (i == tokens.size() || tokens.get(i).type() == T.COMMA) {
                    Field field = field(tokens.subList(start, i), regexes);
                    String key = field.ellipsis() ? "..." : field.name();
                    if (key != null && !names.add(key)) {
                        throw new InvalidPatternException("Duplicate field '" + key + "'");
                    }
                    fields.add(field);
                    start = i + 1;
                }
            }
            if (fields.size() == 1 && tokens.isEmpty()) {
                fields.clear();
            }
            if (regexes[0] > MAX_REGEX) {
                throw new InvalidPatternException("Your input has exceeded the maximum of 2 regular expressions per filter pattern.");
            }
            return new Delimited(fields);
        }

        private static Field field(List<Token> tokens, int[] regexes) {
            if (tokens.isEmpty()) {
                return new Field(null, false, null);
            }
            if (tokens.size() == 1 && tokens.getFirst().type() == T.WORD) {
                String word = tokens.getFirst().text();
                if (word.equals("...")) {
                    return new Field(null, true, null);
                }
                return new Field(name(word), false, null);
            }
            var cursor = new Cursor(tokens);
            String[] fieldName = new String[1];
            FieldTest condition = fieldOr(cursor, fieldName, regexes);
            if (cursor.peek() != null) {
                throw new InvalidPatternException(INVALID);
            }
            return new Field(fieldName[0], false, condition);
        }

        private static String name(String word) {
            for (int i = 0; i < word.length(); i++) {
                if (!isWordChar(word.charAt(i))) {
                    throw new InvalidPatternException(INVALID);
                }
            }
            return word;
        }

        private static FieldTest fieldOr(Cursor c, String[] name, int[] regexes) {
            FieldTest left = fieldAnd(c, name, regexes);
            while (c.at(T.OR)) {
                c.pos++;
                FieldTest l = left;
                FieldTest r = fieldAnd(c, name, regexes);
                left = v -> l.test(v) || r.test(v);
            }
            return left;
        }

        private static FieldTest fieldAnd(Cursor c, String[] name, int[] regexes) {
            FieldTest left = fieldPrimary(c, name, regexes);
            while (c.at(T.AND)) {
                c.pos++;
                FieldTest l = left;
                FieldTest r = fieldPrimary(c, name, regexes);
                left = v -> l.test(v) && r.test(v);
            }
            return left;
        }

        /** {@code name op value}; every condition of a field names that field (AWS refuses others). */
        private static FieldTest fieldPrimary(Cursor c, String[] name, int[] regexes) {
            if (c.at(T.LPAREN)) {
                c.pos++;
                FieldTest inner = fieldOr(c, name, regexes);
                c.next(T.RPAREN);
                return inner;
            }
            String field = name(c.next(T.WORD).text());
            if (name[0] == null) {
                name[0] = field;
            } else if (!name[0].equals(field)) {
                throw new InvalidPatternException(INVALID);
            }
            String op = c.next(T.OP).text();
            Token value = c.peek();
            if (value == null || (value.type() != T.WORD && value.type() != T.STRING && value.type() != T.REGEX)) {
                throw new InvalidPatternException(INVALID);
            }
            c.pos++;
            Literal literal;
            if (value.type() == T.REGEX) {
                regexes[0]++;
                if (!op.equals("=") && !op.equals("!=")) {
                    throw new InvalidPatternException(INVALID);
                }
                literal = new Literal(value.text(), false, regex(value.text()));
            } else {
                literal = new Literal(value.text(), value.type() == T.STRING, null);
            }
            if (!op.equals("=") && !op.equals("!=") && literal.number == null) {
                throw new InvalidPatternException(INVALID);
            }
            Literal lit = literal;
            return v -> {
                if (lit.regex != null) {
                    return lit.regex.matcher(v).find() == op.equals("=");
                }
                BigDecimal n = lit.number != null ? number(v) : null;
                if (n != null) {
                    return compare(n.compareTo(lit.number), op);
                }
                if (!op.equals("=") && !op.equals("!=")) {
                    return false;
                }
                return lit.textMatches(v) == op.equals("=");
            };
        }

        /** One field of a space-delimited event. */
        private record Part(String value, int start, int end) {
        }

        /**
         * Splits on spaces and tabs; a field starting with {@code [} or {@code "} runs to the
         * matching {@code ]} or {@code "} (unmatched, it is an ordinary field), without them.
         */
        static List<Part> split(String message) {
            List<Part> parts = new ArrayList<>();
            int i = 0;
            int n = message.length();
            while (i < n) {
                char c = message.charAt(i);
                if (c == ' ' || c == '\t') {
                    i++;
                    continue;
                }
                if (c == '[' || c == '"') {
                    int close = message.indexOf(c == '[' ? ']' : '"', i + 1);
                    if (close > 0) {
                        parts.add(new Part(message.substring(i + 1, close), i, close + 1));
                        i = close + 1;
                        continue;
                    }
                }
                int j = i;
                while (j < n && message.charAt(j) != ' ' && message.charAt(j) != '\t') {
                    j++;
                }
                parts.add(new Part(message.substring(i, j), i, j));
                i = j;
            }
            return parts;
        }

        boolean matches(String message) {
            List<Part> parts = split(message);
            int n = parts.size();
            if (n < named) {
                return false;
            }
            if (ellipsis < 0) {
                for (int f = 0; f < named; f++) {
                    String value;
                    if (f < named - 1 || n == named) {
                        value = parts.get(f).value();
                    } else {
                        // the last field takes the rest of the line (AWS's TestMetricFilter extracts it so)
                        value = message.substring(parts.get(f).start(), parts.get(n - 1).end());
                    }
                    if (!test(fields.get(f), value)) {
                        return false;
                    }
                }
                return true;
            }
            for (int f = 0; f < ellipsis; f++) {
                if (!test(fields.get(f), parts.get(f).value())) {
                    return false;
                }
            }
            int after = fields.size() - ellipsis - 1;
            for (int k = 0; k < after; k++) {
                if (!test(fields.get(ellipsis + 1 + k), parts.get(n - after + k).value())) {
                    return false;
                }
            }
            return true;
        }

        private static boolean test(Field field, String value) {
            return field.condition() == null || field.condition().test(value);
        }
    }
}
