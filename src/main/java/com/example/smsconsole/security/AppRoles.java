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

    /*
     * The role rules of the services ({@code @PreAuthorize(AppRoles.ONLY_ADMIN)}), one per row of the
     * README's role table. A public service method without one fails ArchitectureTest; RoleMatrixTest
     * calls every public service method as each role.
     */

    /** Registrations, the audit log, opt-out list changes, ingestion on demand. */
    public static final String ONLY_ADMIN = "hasRole('" + ADMIN + "')";

    /** Sandbox verification and test sends. */
    public static final String QA_OR_ADMIN = "hasAnyRole('" + QA + "', '" + ADMIN + "')";

    /** The overview and delivery history: every signed-in role. */
    public static final String ANY_ROLE = "hasAnyRole('" + SUPPORT + "', '" + QA + "', '" + ADMIN + "')";

    /**
     * Open to every caller, signed in or not: only for writing the audit log, which features do on
     * behalf of any user, scheduled work as {@code system}, and sign-in before anyone is signed in.
     * Refusing such a write would hide the change it records.
     */
    public static final String ANY_CALLER = "permitAll()";

    private AppRoles() {
    }
}
