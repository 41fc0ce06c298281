package com.example.smsconsole.support;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditService;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the audit log as an admin would, whoever the test runs as. */
public final class AuditLog {

    private final AuditService audit;

    public AuditLog(AuditService audit) {
        this.audit = audit;
    }

    /** Newest first. */
    public List<AuditEntry> find(AuditFilter filter) {
        return asAdmin(() -> audit.find(filter, 0, 100));
    }

    public long count(AuditFilter filter) {
        return asAdmin(() -> audit.count(filter));
    }

    private static <T> T asAdmin(Supplier<T> read) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext admin = SecurityContextHolder.createEmptyContext();
        admin.setAuthentication(new UsernamePasswordAuthenticationToken("audit-reader", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(admin);
        try {
            return read.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
