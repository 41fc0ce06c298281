package com.example.smsconsole.emulator.logs;

import com.example.smsconsole.emulator.logs.JsonScanner.Selector;
import com.example.smsconsole.emulator.logs.JsonScanner.Step;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The part of the CloudWatch Logs Insights query language a support engineer types against
 * delivery receipts: {@code fields}/{@code display}, {@code filter} with {@code = != < <= > >=},
 * {@code like} (a quoted substring or a {@code /regex/}), {@code =~}, {@code in [...]},
 * {@code and}/{@code or}/{@code not} and parentheses, {@code stats count(*)} / {@code count(field)}
 * with {@code by}, {@code sort} and {@code limit}. Fields are {@code @timestamp}, {@code @message},
 * {@code @logStream}, {@code @log}, {@code @ingestionTime} and the JSON fields of the events, named
 * as Insights discovers them (nested with dots, array elements by number, booleans as 1 and 0).
 * Anything else is refused as a malformed query rather than answered wrongly. Sources:
 * {@code docs/decisions/013-20261201-logs-filter-patterns-and-insights.md}.
 */
final class InsightsQuery {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    /** Commands of the language the emulator does not run (refused, never ignored). */
    private static final Set<String> UNSUPPORTED = Set.of("parse", "dedup", "unnest", "pattern", "diff", "head", "tail", "lookup", "unmask",
            "filterindex", "source", "anomaly", "join", "order", "search");
    static final int DEFAULT_LIMIT = 10_000;

    /** The query string is not in the language (or not in the emulator's part of it). */
    static final class Malformed extends RuntimeException {
        final int start;
        final int end;

        Malformed(String message, int start, int end) {
            super(message, null, false, false);
            this.start = start;
            this.end = end;
        }
    }

    // --- lexing -------------------------------------------------------------------------------

    private enum T { IDENT, STRING, REGEX, NUMBER, OP, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, PIPE, STAR, END }

    private record Token(T type, String text, int start, int end) {
        boolean is(String word) {
            return type == T.IDENT && text.equalsIgnoreCase(word);
        }
    }

    private static List<Token> lex(String q) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < n && q.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && !tokens.isEmpty() && (tokens.getLast().is("like") || tokens.getLast().text().equals("=~"))) {
                int j = i + 1;
                StringBuilder body = new StringBuilder();
                while (j < n && q.charAt(j) != '/') {
                    if (q.charAt(j) == '\\' && j + 1 < n && q.charAt(j + 1) == '/') {
                        j++;
                    }
                    body.append(q.charAt(j));
                    j++;
                }
                if (j >= n) {
                    throw new Malformed("The regular expression that starts at position " + (i + 1) + " has no closing /.", i, n - 1);
                }
                tokens.add(new Token(T.REGEX, body.toString(), i, j));
                i = j + 1;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                StringBuilder value = new StringBuilder();
                while (j < n && q.charAt(j) != c) {
                    if (q.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    value.append(q.charAt(j));
                    j++;
                }
                if (j >= n) {
                    throw new Malformed("The string that starts at position " + (i + 1) + " has no closing " + c + ".", i, n - 1);
                }
                tokens.add(new Token(T.STRING, value.toString(), i, j));
                i = j + 1;
            } else if (c == '`') {
                int j = q.indexOf('`', i + 1);
                if (j < 0) {
                    throw new Malformed("The field name that starts at position " + (i + 1) + " has no closing backtick.", i, n - 1);
                }
                tokens.add(new Token(T.IDENT, q.substring(i + 1, j), i, j));
                i = j + 1;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(q.charAt(i + 1)))) {
                int j = i + 1;
                while (j < n && (Character.isDigit(q.charAt(j)) || q.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(T.NUMBER, q.substring(i, j), i, j - 1));
                i = j;
            } else if (Character.isLetter(c) || c == '@' || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(q.charAt(j)) || "@._".indexOf(q.charAt(j)) >= 0)) {
                    j++;
                }
                tokens.add(new Token(T.IDENT, q.substring(i, j), i, j - 1));
                i = j;
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                String two = i + 1 < n ? q.substring(i, i + 2) : "";
                String op = switch (two) {
                    case "!=", "<=", ">=", "=~" -> two;
                    default -> c == '!' ? "" : String.valueOf(c);
                };
                if (op.isEmpty()) {
                    throw new Malformed("Unexpected symbol '!' at position " + (i + 1) + ".", i, i);
                }
                tokens.add(new Token(T.OP, op, i, i + op.length() - 1));
                i += op.length();
            } else {
                T type = switch (c) {
                    case '(' -> T.LPAREN;
                    case ')' -> T.RPAREN;
                    case '[' -> T.LBRACKET;
                    case ']' -> T.RBRACKET;
                    case ',' -> T.COMMA;
                    case '|' -> T.PIPE;
                    case '*' -> T.STAR;
                    default -> throw new Malformed("Unexpected symbol '" + c + "' at position " + (i + 1) + ".", i, i);
                };
                tokens.add(new Token(type, String.valueOf(c), i, i));
                i++;
            }
        }
        tokens.add(new Token(T.END, "", n, n));
        return tokens;
    }

    // --- the parsed query -----------------------------------------------------------------------

    private interface Command {
    }

    private record Fields(List<String> names, boolean display) implements Command {
    }

    private record Filter(Cond cond) implements Command {
    }

    private record Aggregate(@Nullable String field, String name) {
    }

    private record Stats(List<Aggregate> aggregates, List<String> by) implements Command {
    }

    private record SortKey(String field, boolean descending) {
    }

    private record Sort(List<SortKey> keys) implements Command {
    }

    private record Limit(int rows) implements Command {
    }

    private interface Cond {
        boolean test(Record r);
    }

    /** A value in a condition: a field of the record or a literal. */
    private record Operand(@Nullable String field, @Nullable String literal, boolean number) {
        @Nullable String value(Record r) {
            return field != null ? r.get(field) : literal;
        }
    }

    /** One event or one row of {@code stats} output: its fields by name. */
    interface Record {
        @Nullable String get(String field);

        default long timestamp() {
            return 0;
        }
    }

    private final List<Command> commands;
    private final String text;
    private final Set<String> fields;

    private InsightsQuery(String text, List<Command> commands, Set<String> fields) {
        this.text = text;
        this.commands = commands;
        this.fields = fields;
    }

    String text() {
        return text;
    }

    static InsightsQuery parse(String query) {
        List<Token> tokens = lex(query);
        var p = new Parser(tokens);
        List<Command> commands = new ArrayList<>();
        if (tokens.getFirst().type() == T.END) {
            throw new Malformed("The query is empty.", 0, 0);
        }
        while (true) {
            commands.add(p.command());
            if (p.at(T.END)) {
                break;
            }
            p.expect(T.PIPE, "'|' between commands");
        }
        boolean stats = false;
        for (Command c : commands) {
            if (c instanceof Stats) {
                if (stats) {
                    throw new Malformed("The local emulator runs one stats command per query.", 0, query.length() - 1);
                }
                stats = true;
            } else if (stats && (c instanceof Fields || c instanceof Filter)) {
                throw new Malformed("The local emulator runs only sort and limit after stats.", 0, query.length() - 1);
            }
        }
        return new InsightsQuery(query, List.copyOf(commands), Set.copyOf(p.fields));
    }

    private static final class Parser {
        final List<Token> tokens;
        final Set<String> fields = new LinkedHashSet<>();
        int pos;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Token peek() {
            return tokens.get(pos);
        }

        boolean at(T type) {
            return peek().type() == type;
        }

        Token next() {
            return tokens.get(pos++);
        }

        Token expect(T type, String what) {
            Token t = peek();
            if (t.type() != type) {
                throw unexpected(t, what);
            }
            pos++;
            return t;
        }

        static Malformed unexpected(Token t, String expected) {
            String found = t.type() == T.END ? "the end of the query" : "'" + t.text() + "'";
            return new Malformed("Expected " + expected + " but found " + found + " at position " + (t.start() + 1) + ".", t.start(),
                    Math.max(t.start(), t.end()));
        }

        Command command() {
            Token t = peek();
            if (t.type() != T.IDENT) {
                throw unexpected(t, "a command (fields, display, filter, stats, sort, limit)");
            }
            String name = t.text().toLowerCase(Locale.ROOT);
            pos++;
            return switch (name) {
                case "fields", "display" -> new Fields(fieldList(), name.equals("display"));
                case "filter" -> new Filter(or());
                case "stats" -> stats();
                case "sort" -> sort();
                case "limit" -> {
                    Token n = expect(T.NUMBER, "a number of rows");
                    int rows;
                    try {
                        rows = Integer.parseInt(n.text());
                    } catch (NumberFormatException e) {
                        throw unexpected(n, "a whole number of rows");
                    }
                    if (rows < 1 || rows > 10_000) {
                        throw new Malformed("limit takes 1 to 10000 rows.", n.start(), n.end());
                    }
                    yield new Limit(rows);
                }
                default -> throw UNSUPPORTED.contains(name)
                        ? new Malformed("The local emulator does not run the " + t.text() + " command (it runs fields, display, filter, stats count, sort and limit).",
                                t.start(), t.end())
                        : unexpected(t, "a command (fields, display, filter, stats, sort, limit)");
            };
        }

        String field() {
            Token t = peek();
            if (t.type() != T.IDENT) {
                throw unexpected(t, "a field name");
            }
            pos++;
            if (at(T.LPAREN)) {
                throw new Malformed("The local emulator does not run the function " + t.text() + "() in this position.", t.start(), t.end());
            }
            fields.add(t.text());
            return t.text();
        }

        List<String> fieldList() {
            List<String> names = new ArrayList<>();
            names.add(field());
            while (at(T.COMMA)) {
                pos++;
                names.add(field());
            }
            if (peek().is("as")) {
                throw new Malformed("The local emulator does not run aliases in fields.", peek().start(), peek().end());
            }
            return names;
        }

        Stats stats() {
            List<Aggregate> aggregates = new ArrayList<>();
            do {
                if (!aggregates.isEmpty()) {
                    pos++;
                }
                Token fn = expect(T.IDENT, "an aggregate function");
                if (!fn.text().equalsIgnoreCase("count")) {
                    throw new Malformed("The local emulator runs only count(*) and count(field) in stats, not " + fn.text() + "().", fn.start(), fn.end());
                }
                expect(T.LPAREN, "'('");
                String field = null;
                if (at(T.STAR)) {
                    pos++;
                } else {
                    field = field();
                }
                expect(T.RPAREN, "')'");
                String name = "count(" + (field == null ? "*" : field) + ")";
                if (peek().is("as")) {
                    pos++;
                    name = field();
                }
                aggregates.add(new Aggregate(field, name));
            } while (at(T.COMMA));
            List<String> by = new ArrayList<>();
            if (peek().is("by")) {
                pos++;
                by = fieldList();
            }
            return new Stats(List.copyOf(aggregates), List.copyOf(by));
        }

        Sort sort() {
            List<SortKey> keys = new ArrayList<>();
            do {
                if (!keys.isEmpty()) {
                    pos++;
                }
                String field = field();
                boolean descending = false;
                if (peek().is("desc")) {
                    descending = true;
                    pos++;
                } else if (peek().is("asc")) {
                    pos++;
                }
                keys.add(new SortKey(field, descending));
            } while (at(T.COMMA));
            return new Sort(List.copyOf(keys));
        }

        Cond or() {
            Cond left = and();
            while (peek().is("or")) {
                pos++;
                Cond l = left;
                Cond r = and();
                left = rec -> l.test(rec) || r.test(rec);
            }
            return left;
        }

        Cond and() {
            Cond left = not();
            while (peek().is("and")) {
                pos++;
                Cond l = left;
                Cond r = not();
                left = rec -> l.test(rec) && r.test(rec);
            }
            return left;
        }

        Cond not() {
            if (peek().is("not")) {
                pos++;
                Cond inner = not();
                return rec -> !inner.test(rec);
            }
            if (at(T.LPAREN)) {
                pos++;
                Cond inner = or();
                expect(T.RPAREN, "')'");
                return inner;
            }
            return predicate();
        }

        Operand operand() {
            Token t = peek();
            switch (t.type()) {
                case STRING -> {
                    pos++;
                    return new Operand(null, t.text(), false);
                }
                case NUMBER -> {
                    pos++;
                    return new Operand(null, t.text(), true);
                }
                case IDENT -> {
                    if (t.is("and") || t.is("or") || t.is("not") || t.is("like") || t.is("in")) {
                        throw unexpected(t, "a field or a value");
                    }
                    return new Operand(field(), null, false);
                }
                default -> throw unexpected(t, "a field or a value");
            }
        }

        Cond predicate() {
            Operand left = operand();
            boolean negated = false;
            if (peek().is("not")) {
                negated = true;
                pos++;
                if (!peek().is("like") && !peek().is("in")) {
                    throw unexpected(peek(), "like or in after not");
                }
            }
            boolean neg = negated;
            if (peek().is("like") || (!negated && peek().type() == T.OP && peek().text().equals("=~"))) {
                boolean regexOnly = peek().type() == T.OP;
                pos++;
                Token pattern = next();
                if (pattern.type() == T.REGEX) {
                    Pattern regex = compile(pattern);
                    return r -> {
                        String v = left.value(r);
                        return v != null && regex.matcher(v).find() != neg;
                    };
                }
                if (pattern.type() == T.STRING && !regexOnly) {
                    String part = pattern.text();
                    return r -> {
                        String v = left.value(r);
                        return v != null && v.contains(part) != neg;
                    };
                }
                throw unexpected(pattern, regexOnly ? "a /regular expression/" : "a quoted string or a /regular expression/");
            }
            if (peek().is("in")) {
                pos++;
                expect(T.LBRACKET, "'['");
                List<Operand> values = new ArrayList<>();
                do {
                    if (!values.isEmpty()) {
                        pos++;
                    }
                    Token v = next();
                    if (v.type() != T.STRING && v.type() != T.NUMBER) {
                        throw unexpected(v, "a quoted string or a number");
                    }
                    values.add(new Operand(null, v.text(), v.type() == T.NUMBER));
                } while (at(T.COMMA));
                expect(T.RBRACKET, "']'");
                return r -> {
                    String v = left.value(r);
                    if (v == null) {
                        return false;
                    }
                    boolean found = values.stream().anyMatch(o -> compare(v, o.literal(), o.number()) == 0);
                    return found != neg;
                };
            }
            Token op = expect(T.OP, "a comparison (=, !=, <, <=, >, >=, like, in)");
            if (op.text().equals("=~")) {
                throw unexpected(peek(), "a /regular expression/");
            }
            Operand right = operand();
            String o = op.text();
            return r -> {
                String a = left.value(r);
                String b = right.value(r);
                if (a == null || b == null) {
                    return false;
                }
                int cmp = compare(a, b, left.number() || right.number());
                return switch (o) {
                    case "=" -> cmp == 0;
                    case "!=" -> cmp != 0;
                    case "<" -> cmp < 0;
                    case "<=" -> cmp <= 0;
                    case ">" -> cmp > 0;
                    default -> cmp >= 0;
                };
            };
        }

        static Pattern compile(Token t) {
            try {
                return Pattern.compile(t.text());
            } catch (PatternSyntaxException e) {
                throw new Malformed("The regular expression /" + t.text() + "/ does not compile.", t.start(), t.end());
            }
        }
    }

    /** Numbers compare as numbers when both are; otherwise as text. */
    private static int compare(String a, String b, boolean numeric) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return a.compareTo(b);
    }

    private static @Nullable BigDecimal number(String s) {
        return NUMBER.matcher(s).matches() ? new BigDecimal(s) : null;
    }

    /**
     * The sort order AWS documents for {@code sort}: ascending, every value that is not a number
     * comes before the numbers; those are compared in chunks (runs of digits by length, then value;
     * other characters by Unicode); numbers by value. Absent values go last.
     */
    static final Comparator<@Nullable String> NATURAL = (a, b) -> {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null || y != null) {
            return x == null ? -1 : y == null ? 1 : x.compareTo(y);
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char c = a.charAt(i);
            char d = b.charAt(j);
            if (Character.isDigit(c) && Character.isDigit(d)) {
                int ie = i;
                while (ie < a.length() && Character.isDigit(a.charAt(ie))) {
                    ie++;
                }
                int je = j;
                while (je < b.length() && Character.isDigit(b.charAt(je))) {
                    je++;
                }
                if (ie - i != je - j) {
                    return Integer.compare(ie - i, je - j);
                }
                int cmp = a.substring(i, ie).compareTo(b.substring(j, je));
                if (cmp != 0) {
                    return cmp;
                }
                i = ie;
                j = je;
            } else {
                if (c != d) {
                    return Character.compare(c, d);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    // --- running ------------------------------------------------------------------------------

    /** The answer: rows of (field, value) and the statistics. */
    record Result(List<List<Map.Entry<String, String>>> rows, long recordsMatched, long recordsScanned, long bytesScanned, int logGroupsScanned) {
    }

    /** A JSON field as Insights names it: {@code context.orderId}, {@code items.0.id}. */
    private static @Nullable Selector selectorFor(String field) {
        if (field.startsWith("@") && !field.startsWith("@@")) {
            return null;
        }
        String path = field.startsWith("@@") ? field.substring(1) : field;
        String[] parts = path.split("\\.", -1);
        Step[] steps = new Step[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                return null;
            }
            steps[i] = Step.nameOrIndex(parts[i]);
        }
        return new Selector(steps);
    }

    /** The filters' fields are only known to the predicates; they read JSON fields through this. */
    private final class EventRecord implements Record {
        final LogGroup group;
        final int event;
        final String accountId;
        final Map<String, Integer> selectorIndex;
        final long[][] columns;

        EventRecord(LogGroup group, int event, String accountId, Map<String, Integer> selectorIndex, long[][] columns) {
            this.group = group;
            this.event = event;
            this.accountId = accountId;
            this.selectorIndex = selectorIndex;
            this.columns = columns;
        }

        @Override
        public long timestamp() {
            return group.timestamp(event);
        }

        @Override
        public @Nullable String get(String field) {
            switch (field) {
                case "@timestamp":
                    return TIME.format(Instant.ofEpochMilli(group.timestamp(event)));
                case "@message":
                    return new String(group.chunk(event), group.offset(event), group.length(event), StandardCharsets.UTF_8);
                case "@logStream":
                    return group.streamName(event);
                case "@log":
                    return accountId + ":" + group.name;
                case "@ingestionTime":
                    return TIME.format(Instant.ofEpochMilli(group.ingestionTime(event)));
                case "@ptr":
                    return pointer(group, event);
                default:
                    break;
            }
            Integer index = selectorIndex.get(field);
            if (index == null) {
                return null;
            }
            return insightsValue(group.chunk(event), group.offset(event), columns[index][event]);
        }
    }

    /** A JSON value as Insights shows it: strings and numbers as text, booleans as 1 and 0; null, objects and arrays are no field. */
    private static @Nullable String insightsValue(byte[] bytes, int offset, long packed) {
        int kind = JsonScanner.kind(packed);
        int start = offset + JsonScanner.start(packed);
        int length = JsonScanner.length(packed);
        return switch (kind) {
            case JsonScanner.STRING -> JsonScanner.decode(bytes, start, length);
            case JsonScanner.NUMBER -> new String(bytes, start, length, StandardCharsets.ISO_8859_1);
            case JsonScanner.TRUE -> "1";
            case JsonScanner.FALSE -> "0";
            default -> null;
        };
    }

    static String pointer(LogGroup group, int event) {
        String raw = group.fileId.substring(0, 12) + "/" + group.timestamp(event) + "/" + group.sequence(event);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private record MapRecord(Map<String, String> values) implements Record {
        @Override
        public @Nullable String get(String field) {
            return values.get(field);
        }
    }

    /**
     * Runs the query over the events of the groups with timestamps in {@code [startMillis, endMillis]};
     * {@code maxRows} is StartQuery's limit.
     */
    Result run(List<LogGroup> groups, long startMillis, long endMillis, Map<LogGroup, Long> cutoffs, int maxRows, String accountId) {
        Set<String> wanted = fields;
        List<Record> records = new ArrayList<>();
        long scanned = 0;
        long bytes = 0;
        for (LogGroup group : groups) {
            Map<String, Integer> index = new HashMap<>();
            List<Selector> selectors = new ArrayList<>();
            for (String field : wanted) {
                Selector s = selectorFor(field);
                if (s != null) {
                    index.put(field, selectors.size());
                    selectors.add(s);
                }
            }
            Selector[] array = selectors.toArray(Selector[]::new);
            if (array.length > 0) {
                group.index(array);
            }
            while (true) {
                group.lockForRead();
                try {
                    long[][] columns = array.length == 0 ? new long[0][] : group.columns(array);
                    if (columns == null) {
                        continue;
                    }
                    long from = Math.max(startMillis, cutoffs.getOrDefault(group, Long.MIN_VALUE));
                    for (int p = group.lowerBound(from); p < group.size(); p++) {
                        int e = group.at(p);
                        if (group.timestamp(e) > endMillis) {
                            break;
                        }
                        scanned++;
                        bytes += group.length(e);
                        records.add(new EventRecord(group, e, accountId, index, columns));
                    }
                    break;
                } finally {
                    group.lock.readLock().unlock();
                }
            }
        }
        boolean aggregated = false;
        long matched = -1;
        boolean sorted = false;
        int rowLimit = maxRows;
        List<String> projection = new ArrayList<>();
        List<String> display = null;
        for (Command command : commands) {
            if (matched < 0 && (command instanceof Stats || command instanceof Limit)) {
                matched = records.size();
            }
            switch (command) {
                case Filter f -> records.removeIf(r -> !f.cond().test(r));
                case Fields f -> {
                    if (f.display()) {
                        display = f.names();
                    } else {
                        f.names().stream().filter(n -> !projection.contains(n)).forEach(projection::add);
                    }
                }
                case Stats s -> {
                    records = stats(s, records);
                    aggregated = true;
                    projection.clear();
                    projection.addAll(s.by());
                    s.aggregates().forEach(a -> projection.add(a.name()));
                }
                case Sort s -> {
                    Comparator<Record> order = null;
                    for (SortKey key : s.keys()) {
                        Comparator<Record> one = order(key.field(), key.descending());
                        order = order == null ? one : order.thenComparing(one);
                    }
                    records.sort(order);
                    sorted = true;
                }
                case Limit l -> {
                    rowLimit = Math.min(rowLimit, l.rows());
                    if (records.size() > l.rows()) {
                        records = new ArrayList<>(records.subList(0, l.rows()));
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        if (matched < 0) {
            matched = records.size();
        }
        if (!aggregated && !sorted) {
            // no sort: newest first, as the console's own default query sorts
            records.sort(Comparator.comparingLong(Record::timestamp).reversed());
        }
        List<String> fields = display != null ? display : projection.isEmpty() && !aggregated ? List.of("@timestamp", "@message") : projection;
        List<List<Map.Entry<String, String>>> rows = new ArrayList<>();
        for (Record r : records) {
            if (rows.size() >= rowLimit) {
                break;
            }
            List<Map.Entry<String, String>> row = new ArrayList<>();
            for (String field : fields) {
                String value = r.get(field);
                if (value != null) {
                    row.add(Map.entry(field, value));
                }
            }
            if (!aggregated) {
                row.add(Map.entry("@ptr", r.get("@ptr")));
            }
            rows.add(row);
        }
        return new Result(rows, matched, scanned, bytes, groups.size());
    }

    /** One sort key: {@link #NATURAL} ascending or reversed; absent values last either way; @timestamp by time. */
    private static Comparator<Record> order(String field, boolean descending) {
        if (field.equals("@timestamp")) {
            Comparator<Record> byTime = Comparator.comparingLong(Record::timestamp);
            return descending ? byTime.reversed() : byTime;
        }
        return (a, b) -> {
            String x = a.get(field);
            String y = b.get(field);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            int cmp = NATURAL.compare(x, y);
            return descending ? -cmp : cmp;
        };
    }

    private static List<Record> stats(Stats s, List<Record> records) {
        Map<List<String>, long[]> groups = new LinkedHashMap<>();
        for (Record r : records) {
            List<String> key = new ArrayList<>(s.by().size());
            for (String by : s.by()) {
                key.add(r.get(by));
            }
            long[] counts = groups.computeIfAbsent(key, k -> new long[s.aggregates().size()]);
            for (int a = 0; a < counts.length; a++) {
                String field = s.aggregates().get(a).field();
                if (field == null || r.get(field) != null) {
                    counts[a]++;
                }
            }
        }
        List<Record> rows = new ArrayList<>();
        groups.forEach((key, counts) -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < key.size(); i++) {
                if (key.get(i) != null) {
                    values.put(s.by().get(i), key.get(i));
                }
            }
            for (int a = 0; a < counts.length; a++) {
                values.put(s.aggregates().get(a).name(), Long.toString(counts[a]));
            }
            rows.add(new MapRecord(values));
        });
        return rows;
    }
}
