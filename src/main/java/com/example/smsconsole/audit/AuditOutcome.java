package com.example.smsconsole.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** AWS (or the console) carried it out. */
    SUCCESS,
    /** AWS refused it or the call failed; the entry carries the error code and request id. */
    FAILURE,
    /** The console refused it before calling AWS (for example a send rate limit). */
    REFUSED,
    /** AWS gave no answer (a time-out, a lost connection, a 5xx): it may have been carried out. */
    UNKNOWN
}
