package com.example.smsconsole.security.dev;

import com.example.smsconsole.security.AppRoles;
import java.util.List;

/** The demo users of the local profile: one per role, password equal to the user name. */
public final class SampleUsers {

    public static final String ADMIN_USERNAME = "admin";
    public static final String QA_USERNAME = "qa";
    public static final String SUPPORT_USERNAME = "support";

    /** A demo login. */
    public record SampleUser(String username, String password, String role) {
    }

    public static final List<SampleUser> ALL = List.of(
            new SampleUser(ADMIN_USERNAME, "admin", AppRoles.ADMIN),
            new SampleUser(QA_USERNAME, "qa", AppRoles.QA),
            new SampleUser(SUPPORT_USERNAME, "support", AppRoles.SUPPORT));

    private SampleUsers() {
    }
}
