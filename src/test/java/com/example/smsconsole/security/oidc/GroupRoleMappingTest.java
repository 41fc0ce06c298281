package com.example.smsconsole.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** The mapping of a provider's groups claim to the console's roles. */
class GroupRoleMappingTest {

    /**
     * The sample ID token payload of Amazon Cognito's developer guide ("Understanding the identity (ID)
     * token", default payload): groups arrive as a JSON array in {@code cognito:groups}.
     */
    static final Map<String, Object> COGNITO_SAMPLE = Map.of(
            "sub", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            "cognito:groups", List.of("test-group-a", "test-group-b", "test-group-c"),
            "cognito:username", "my-test-user",
            "email", "my-test-user@example.com");

    final GroupRoleMapping mapping = new GroupRoleMapping("cognito:groups", Map.of(
            "ADMIN", List.of("test-group-z"),
            "QA", List.of("test-group-b"),
            "SUPPORT", List.of("test-group-c", "support-desk")));

    @Test
    void groups_of_the_claim_map_to_every_role_they_grant() {
        assertThat(mapping.groups(COGNITO_SAMPLE)).containsExactly("test-group-a", "test-group-b", "test-group-c");
        assertThat(mapping.roles(mapping.groups(COGNITO_SAMPLE))).containsExactly("QA", "SUPPORT");
    }

    @Test
    void groups_that_map_to_nothing_give_no_role() {
        assertThat(mapping.roles(List.of("test-group-a"))).isEmpty();
        assertThat(mapping.roles(List.of())).isEmpty();
    }

    @Test
    void group_names_match_exactly() {
        assertThat(mapping.roles(List.of("TEST-GROUP-B", "test-group-b "))).isEmpty();
    }

    @Test
    void a_missing_claim_is_no_groups_and_a_single_string_is_one_group() {
        assertThat(mapping.groups(Map.of("sub", "x"))).isEmpty();
        assertThat(mapping.groups(Map.of("cognito:groups", "test-group-b"))).containsExactly("test-group-b");
    }

    /** Keycloak puts realm roles under {@code realm_access.roles} (a nested object). */
    @Test
    void a_dotted_claim_name_reaches_into_a_nested_object() {
        var keycloak = new GroupRoleMapping("realm_access.roles", Map.of("ADMIN", List.of("sms-admins")));
        assertThat(keycloak.roles(keycloak.groups(Map.of("realm_access", Map.of("roles", List.of("offline_access", "sms-admins"))))))
                .containsExactly("ADMIN");
        assertThat(keycloak.groups(Map.of("realm_access", "not an object"))).isEmpty();
    }

    @Test
    void an_unknown_role_or_an_empty_mapping_fails_at_start_with_the_key_to_fix() {
        assertThatThrownBy(() -> new GroupRoleMapping("groups", Map.of("OPERATOR", List.of("ops"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("app.sso.role-mapping.OPERATOR");
        assertThatThrownBy(() -> new GroupRoleMapping("groups", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("app.sso.role-mapping.ADMIN=");
    }

    @Test
    void a_person_becomes_a_console_user_with_roles_and_the_username_claim_as_name() {
        var service = new ConsoleOidcUserService(mapping, "cognito:username");
        ConsoleOidcUser user = service.toConsoleUser(person(COGNITO_SAMPLE), "Cognito");
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactlyInAnyOrder("ROLE_QA", "ROLE_SUPPORT");
        assertThat(user.getName()).isEqualTo("my-test-user");
        assertThat(user.getUsername()).isEqualTo("my-test-user");
        assertThat(user.getPassword()).isNull();
    }

    @Test
    void without_the_username_claim_the_email_then_the_subject_is_the_name() {
        assertThat(new ConsoleOidcUserService(mapping, "preferred_username").toConsoleUser(person(COGNITO_SAMPLE), "Cognito").getName())
                .isEqualTo("my-test-user@example.com");
        var noEmail = Map.<String, Object>of("sub", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "cognito:groups", List.of("test-group-b"));
        assertThat(new ConsoleOidcUserService(mapping, "preferred_username").toConsoleUser(person(noEmail), "Cognito").getName())
                .isEqualTo("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    }

    @Test
    void a_person_without_a_mapped_group_is_refused_with_their_name_and_groups() {
        var service = new ConsoleOidcUserService(mapping, "cognito:username");
        var outsider = Map.<String, Object>of("sub", "s-1", "cognito:username", "visitor", "cognito:groups", List.of("test-group-a"));
        assertThatThrownBy(() -> service.toConsoleUser(person(outsider), "Cognito"))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(ConsoleOidcUserService.NO_CONSOLE_ROLE);
                    assertThat(e.getError().getDescription()).contains("Cognito", "visitor", "test-group-a");
                    assertThat(SignInRefusedView.reasonText(e)).isEqualTo(e.getError().getDescription());
                });
        var noClaim = Map.<String, Object>of("sub", "s-2", "cognito:username", "visitor");
        assertThatThrownBy(() -> service.toConsoleUser(person(noClaim), "Cognito"))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                        e -> assertThat(e.getError().getDescription()).contains("no 'cognito:groups' claim"));
    }

    private static DefaultOidcUser person(Map<String, Object> claims) {
        var token = new OidcIdToken("token", Instant.parse("2026-12-02T10:00:00Z"), Instant.parse("2026-12-02T11:00:00Z"), claims);
        return new DefaultOidcUser(List.of(), token);
    }
}
