package com.example.smsconsole.audit.repository;

import com.example.smsconsole.audit.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The tamper-evidence chain of the audit log: each entry stores the SHA-256 hash of the entry
 * before it and its own hash over a canonical encoding of its fields and that previous hash.
 * Changing, removing or inserting an entry without rewriting every later hash breaks the chain
 * at that entry. See docs/decisions/005-20261202-audit-design.md for the encoding.
 */
public final class AuditChain {

    /** The previous hash of the first entry of the chain. */
    public static final String GENESIS = "0".repeat(64);

    static final String VERSION = "sms-console-audit-entry-v1";

    private AuditChain() {
    }

    /**
     * The canonical encoding: the version line, then each field as its length in UTF-8 bytes, a
     * colon, the value and a line feed ({@code ~} and a line feed for a missing value), in this
     * order: place in the chain, previous hash, time (microseconds since 1970-01-01T00:00Z), user,
     * role, action, target, outcome, AWS request id, detail, attempt id.
     */
    static String canonical(long chainSeq, String previousHash, AuditEntry e) {
        var out = new StringBuilder(VERSION).append('\n');
        field(out, Long.toString(chainSeq));
        field(out, previousHash);
        field(out, Long.toString(micros(e.occurredAt())));
        field(out, e.actor());
        field(out, e.role());
        field(out, e.action());
        field(out, e.target());
        field(out, e.outcome().name());
        field(out, e.awsRequestId());
        field(out, e.detail());
        field(out, e.attemptId() == null ? null : Long.toString(e.attemptId()));
        return out.toString();
    }

    /** The entry's hash: SHA-256 of {@link #canonical}, in lower-case hex. */
    public static String hash(long chainSeq, String previousHash, AuditEntry e) {
        return sha256(canonical(chainSeq, previousHash, e));
    }

    static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private static void field(StringBuilder out, @Nullable String value) {
        if (value == null) {
            out.append("~\n");
        } else {
            out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
