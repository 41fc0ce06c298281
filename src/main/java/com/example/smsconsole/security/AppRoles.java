package com.example.smsconsole.security;

/**
 * The console's roles. Views and services refer to these constants in {@code @RolesAllowed} and
 * {@code @PreAuthorize}; Spring Security stores them with the {@code ROLE_} prefix.
 */
public final class AppRoles {

    /** Platform/ops admin: everything, including registrations, the audit log and admin actions. */
    public static final String ADMIN = "ADMIN";

    /** Tester: sandbox verification, test sends, reading delivery history. */
    public static final String QA = "QA";

    /** Support agent: reading and searching delivery history and opted-out numbers, exports. */
    public static final String SUPPORT = "SUPPORT";

    private AppRoles() {
    }
}
