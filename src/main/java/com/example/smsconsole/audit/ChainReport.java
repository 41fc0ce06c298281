package com.example.smsconsole.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a check of the audit log's hash chain found (see docs/decisions/005-20261202-audit-design.md).
 *
 * @param entries the entries on the chain that were checked
 * @param beforeChain entries written before the chain began (by a console older than migration V40); not covered
 * @param brokenAtId the first entry where the chain breaks, or null when it is intact
 * @param brokenAtTime that entry's time as stored
 * @param problem what is wrong there, in words
 * @param headHash the hash of the newest entry: noted down elsewhere, it lets a later check prove that
 *     nobody rewrote the whole chain consistently
 */
public record ChainReport(long entries, long beforeChain, @Nullable Long brokenAtId, @Nullable Instant brokenAtTime,
        @Nullable String problem, String headHash) {

    public boolean intact() {
        return brokenAtId == null;
    }
}
