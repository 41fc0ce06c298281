package com.example.smsconsole;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.ErrorEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A browser that went away or a page that was closed is logged in one debug line, not as
 * "Unexpected error" with a stack trace; a real failure still is.
 */
class AppErrorHandlerTest {

    private final AppErrorHandler handler = new AppErrorHandler();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AppErrorHandler.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level before;

    @BeforeEach
    void listen() {
        before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
        logger.setLevel(before);
    }

    private void assertOneDebugLine(Throwable failure, String mentions) {
        handler.error(new ErrorEvent(failure));
        assertThat(lines.list).hasSize(1);
        ILoggingEvent line = lines.list.getFirst();
        assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(line.getFormattedMessage()).startsWith("Client went away: ").contains(mentions).doesNotContain("Unexpected error");
        assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
    }

    /** Tomcat's exception for a write to a connection the client closed, wrapped as Vaadin's request handling wraps it. */
    @Test
    void tomcat_client_abort_is_one_debug_line() {
        assertOneDebugLine(new UncheckedIOException(new ClientAbortException(new IOException("Broken pipe"))), "ClientAbortException");
    }

    /** "Broken pipe" and "Connection reset by peer" are the Linux strerror texts of EPIPE and ECONNRESET (errno(3)). */
    @Test
    void broken_pipe_and_connection_reset_are_one_debug_line() {
        assertOneDebugLine(new RuntimeException("write failed", new IOException("Broken pipe")), "Broken pipe");
        lines.list.clear();
        assertOneDebugLine(new IOException("Connection reset by peer"), "Connection reset by peer");
    }

    @Test
    void a_detached_ui_is_one_debug_line() {
        assertOneDebugLine(new IllegalStateException("push failed", new UIDetachedException()), "UIDetachedException");
    }

    @Test
    void a_real_failure_is_still_an_unexpected_error_with_its_stack_trace() {
        handler.error(new ErrorEvent(new IllegalStateException("boom", new IOException("Disk full"))));
        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.getFirst().getLevel()).isEqualTo(Level.ERROR);
        assertThat(lines.list.getFirst().getFormattedMessage()).startsWith("Unexpected error (reference ");
        assertThat(lines.list.getFirst().getThrowableProxy()).isNotNull();
    }
}
