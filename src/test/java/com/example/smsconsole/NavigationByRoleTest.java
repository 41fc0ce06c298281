package com.example.smsconsole;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.support.ConsoleTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** Each role sees exactly its menu entries, and the server refuses the routes it may not open. */
@ConsoleTest
class NavigationByRoleTest extends SpringBrowserlessTest {

    private List<String> menu() {
        return find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void admin_sees_every_area() {
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(menu()).containsExactly("Overview", "Registrations", "Sandbox verification", "Test send",
                "Delivery history", "Audit", "Simulated handsets");
    }

    @Test
    @WithMockUser(username = "qa", roles = "QA")
    void qa_sees_verification_test_send_and_delivery_history() {
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(menu()).containsExactly("Overview", "Sandbox verification", "Test send", "Delivery history", "Simulated handsets");
    }

    @Test
    @WithMockUser(username = "support", roles = "SUPPORT")
    void support_sees_delivery_history_only() {
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(menu()).containsExactly("Overview", "Delivery history");
    }

    @Test
    @WithMockUser(username = "qa", roles = "QA")
    void qa_typing_the_audit_route_is_denied_not_shown_the_page() {
        AccessDeniedView denied = navigate("audit", AccessDeniedView.class);
        assertThat(denied.explanation.getText()).contains("may not open '/audit'");
    }

    @Test
    @WithMockUser(username = "support", roles = "SUPPORT")
    void support_typing_the_registrations_or_test_send_route_is_denied() {
        navigate("registrations", AccessDeniedView.class);
        navigate("test-send", AccessDeniedView.class);
        navigate("verification", AccessDeniedView.class);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void a_mistyped_address_is_not_found_inside_the_console_even_for_an_admin() {
        NotFoundView notFound = navigate("registratons", NotFoundView.class);
        assertThat(notFound.explanation.getText()).isEqualTo("The console has no page at '/registratons'. Check the address, or pick a page"
                + " from the menu.");
        assertThat(menu()).contains("Overview", "Audit");
    }

    @Test
    @WithMockUser(username = "support", roles = "SUPPORT")
    void support_gets_not_found_for_a_mistyped_address_and_access_denied_only_for_a_page_that_exists() {
        navigate("no/such/page", NotFoundView.class);
        navigate("audit", AccessDeniedView.class);
    }
}
