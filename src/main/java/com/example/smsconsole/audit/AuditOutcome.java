package com.example.smsconsole.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** AWS (or the console) carried it out. */
    SUCCESS,
    /** AWS refused it or the call failed; the entry carries the error code and request id. */
    FAILURE,
    /** The console refused it before calling AWS (for example a send rate limit). */
    REFUSED,
    /**
     * Written before an AWS change is called. The entry that says how it ended points back at it;
     * an attempt that nothing completes is shown as "outcome unknown" (the console stopped between
     * the call and the answer).
     */
    ATTEMPTED,
    /** The call ended without an answer (a time-out, a broken connection): AWS may or may not have carried it out. */
    UNKNOWN
}
