package com.example.smsconsole.security.oidc;

import com.example.smsconsole.security.AppRoles;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Maps the groups a provider lists for a person to the console's roles ({@link AppRoles}). A group
 * maps only by exact (case-sensitive) name; a person whose groups map to no role gets no role.
 * See docs/decisions/014-20261202-single-sign-on.md.
 */
final class GroupRoleMapping {

    static final Set<String> KNOWN_ROLES = Set.of(AppRoles.ADMIN, AppRoles.QA, AppRoles.SUPPORT);

    private final String groupsClaim;
    private final Map<String, Set<String>> rolesByGroup;

    GroupRoleMapping(String groupsClaim, Map<String, List<String>> groupsByRole) {
        this.groupsClaim = groupsClaim;
        Map<String, Set<String>> byGroup = new LinkedHashMap<>();
        for (var entry : groupsByRole.entrySet()) {
            String role = entry.getKey().strip();
            if (!KNOWN_ROLES.contains(role)) {
                throw new IllegalStateException("app.sso.role-mapping." + entry.getKey()
                        + " names no console role; use ADMIN, QA or SUPPORT.");
            }
            for (String group : entry.getValue()) {
                if (group != null && !group.isBlank()) {
                    byGroup.computeIfAbsent(group.strip(), g -> new TreeSet<>()).add(role);
                }
            }
        }
        if (byGroup.isEmpty()) {
            throw new IllegalStateException("""
                    Single sign-on is configured but no group grants a console role, so nobody could \
                    sign in through it. Map groups of the '%s' claim to roles, for example \
                    app.sso.role-mapping.ADMIN=sms-admins, app.sso.role-mapping.QA=sms-testers, \
                    app.sso.role-mapping.SUPPORT=sms-support.""".formatted(groupsClaim));
        }
        this.rolesByGroup = Map.copyOf(byGroup);
    }

    String groupsClaim() {
        return groupsClaim;
    }

    /** The person's groups as the provider sent them in the groups claim (empty when absent). */
    List<String> groups(Map<String, Object> claims) {
        Object value = claims.containsKey(groupsClaim) ? claims.get(groupsClaim) : nested(claims, groupsClaim);
        return switch (value) {
            case null -> List.of();
            case Collection<?> list -> list.stream().filter(g -> g != null).map(Object::toString).toList();
            case String single -> single.isBlank() ? List.of() : List.of(single);
            default -> List.of(value.toString());
        };
    }

    /** The console roles those groups grant, without the {@code ROLE_} prefix; may be empty. */
    Set<String> roles(Collection<String> groups) {
        Set<String> roles = new TreeSet<>();
        for (String group : groups) {
            roles.addAll(rolesByGroup.getOrDefault(group, Set.of()));
        }
        return roles;
    }

    private static @Nullable Object nested(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current == claims ? null : current;
    }
}
