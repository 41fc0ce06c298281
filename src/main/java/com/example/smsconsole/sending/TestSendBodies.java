package com.example.smsconsole.sending;

import com.example.smsconsole.deliverylog.MessageBodies;
import com.example.smsconsole.security.AppRoles;
import com.example.smsconsole.sending.repository.TestSendStore;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The bodies of test texts sent from this console, for the receipts of those texts in the delivery
 * history (AWS receipts do not carry the body). Only test sends are kept, never other traffic.
 */
@Service
@PreAuthorize(AppRoles.ANY_ROLE)
public class TestSendBodies implements MessageBodies {

    private final TestSendStore store;

    TestSendBodies(TestSendStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> bodyOf(String messageId) {
        return store.body(messageId);
    }
}
