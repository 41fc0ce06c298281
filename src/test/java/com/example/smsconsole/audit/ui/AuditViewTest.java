package com.example.smsconsole.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditOutcome;
import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.common.ui.InlineMessage;
import com.example.smsconsole.support.ConsoleTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The audit view: the search comes from and goes to the address, typing is debounced, the chain check is shown. */
@ConsoleTest
@WithMockUser(username = "boss", roles = "ADMIN")
class AuditViewTest extends SpringBrowserlessTest {

    @Autowired
    AuditService audit;
    @Autowired
    DataSource dataSource;

    @Test
    void a_shared_address_opens_the_same_search() {
        String tag = "reg-" + UUID.randomUUID().toString().substring(0, 8);
        audit.failure("SubmitRegistrationVersion", tag, "req-1", "ValidationException");
        audit.success("SubmitRegistrationVersion", tag, "req-2", null);
        AuditEntry unknown = audit.attempt("DeleteRegistration", tag, null);

        UI.getCurrent().navigate("audit", QueryParameters.fromString("q=" + tag + "&outcome=FAILURE&from=2020-01-01T00:00:00Z"));
        AuditView view = (AuditView) getCurrentView();

        assertThat(view.text.getValue()).isEqualTo(tag);
        assertThat(view.outcome.getValue()).isEqualTo(AuditOutcome.FAILURE);
        assertThat(view.from.getValue()).isNotNull();
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(view.address()).containsEntry("q", List.of(tag)).containsEntry("outcome", List.of("FAILURE"))
                .containsEntry("from", List.of("2020-01-01T00:00:00Z"));

        UI.getCurrent().navigate("audit", QueryParameters.fromString("q=" + tag + "&outcome=UNKNOWN"));
        view = (AuditView) getCurrentView();
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(AuditView.label(unknown.outcome())).isEqualTo("OUTCOME UNKNOWN");
    }

    @Test
    void changing_the_search_puts_it_in_the_address() {
        UI.getCurrent().navigate("audit");
        AuditView view = (AuditView) getCurrentView();
        test(view.text).setValue("+1425414");
        test(view.outcome).selectItem("SUCCESS");

        assertThat(view.address()).isEqualTo(Map.of("q", List.of("+1425414"), "outcome", List.of("SUCCESS")));
    }

    @Test
    void typing_in_the_text_filter_waits_for_a_pause() {
        UI.getCurrent().navigate("audit");
        AuditView view = (AuditView) getCurrentView();
        assertThat(view.text.getValueChangeMode()).isEqualTo(ValueChangeMode.LAZY);
        assertThat(view.text.getValueChangeTimeout()).isBetween(300, 600);
        assertThat(view.actor.getValueChangeMode()).isEqualTo(ValueChangeMode.LAZY);
    }

    @Test
    void the_view_says_whether_the_chain_is_intact() {
        audit.success("TagResource", "registration-chain", null, null);
        UI.getCurrent().navigate("audit");
        AuditView view = (AuditView) getCurrentView();

        assertThat(view.chain.tone()).isEqualTo(InlineMessage.Tone.SUCCESS);
        assertThat(view.chain.text()).startsWith("Hash chain intact (").contains("entries");
    }

    @Test
    void the_view_names_the_entry_where_the_chain_breaks() {
        audit.success("TagResource", "registration-chain-a", null, null);
        AuditEntry rewritten = audit.success("TagResource", "registration-chain-b", null, null);
        audit.success("TagResource", "registration-chain-c", null, null);
        JdbcClient owner = JdbcClient.create(dataSource);
        // the owner of the tables rewrites one entry's outcome behind the console's back, then puts it back
        bypassingTriggers(owner, "UPDATE audit_entry SET outcome = 'FAILURE' WHERE id = " + rewritten.id());
        try {
            UI.getCurrent().navigate("audit");
            AuditView view = (AuditView) getCurrentView();
            assertThat(view.chain.tone()).isEqualTo(InlineMessage.Tone.ERROR);
            assertThat(view.chain.text()).startsWith("Hash chain broken at entry " + rewritten.id() + " (")
                    .contains("may have been changed outside the console");
        } finally {
            bypassingTriggers(owner, "UPDATE audit_entry SET outcome = 'SUCCESS' WHERE id = " + rewritten.id());
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    private static void bypassingTriggers(JdbcClient owner, String statement) {
        owner.sql("DROP TRIGGER audit_entry_no_update").update();
        try {
            owner.sql(statement).update();
        } finally {
            owner.sql("CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW CALL "
                    + "'com.example.smsconsole.audit.repository.AppendOnlyTrigger'").update();
        }
    }

    @Test
    void a_broken_address_is_said_and_left_out() {
        UI.getCurrent().navigate("audit", QueryParameters.fromString("outcome=MAYBE&to=yesterday"));
        AuditView view = (AuditView) getCurrentView();
        assertThat(view.outcome.getValue()).isNull();
        assertThat(view.to.getValue()).isNull();
        assertThat(view.addressProblem.text()).contains("'yesterday'").contains("'MAYBE'");
    }
}
