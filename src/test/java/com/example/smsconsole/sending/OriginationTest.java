package com.example.smsconsole.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.sending.Origination.Kind;
import com.example.smsconsole.sending.Origination.Reach.Answer;
import com.example.smsconsole.sending.Origination.Sender;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which origination reaches which destination, by AWS's user guide: a simulator origination number
 * sends only to destination simulator numbers of its own country ("Simulator phone numbers"), and
 * an origination identity sends only within its country or region ("Add a destination phone
 * number while in the sandbox"), unless a phone number has international sending enabled.
 */
class OriginationTest {

    static final Sender US_SIMULATOR = new Sender("+12065550142", Kind.PHONE_NUMBER, "US", "SIMULATOR", true, true, false);
    static final Sender UK_SENDER_ID = new Sender("MYBRAND", Kind.SENDER_ID, "GB", null, true, true, false);
    static final Sender US_TOLL_FREE = new Sender("+18445550100", Kind.PHONE_NUMBER, "US", "TOLL_FREE", true, true, false);

    static Origination pool(Sender... senders) {
        return new Origination("pool-1", "pool-1 (pool, ACTIVE)", Kind.POOL, "Default", List.of(senders));
    }

    @Test
    void a_us_simulator_number_reaches_us_simulator_numbers_only() {
        assertThat(US_SIMULATOR.reaches("US", true).answer()).isEqualTo(Answer.YES);
        assertThat(US_SIMULATOR.reaches("US", false).answer()).isEqualTo(Answer.NO);
        assertThat(US_SIMULATOR.reaches("GB", true)).satisfies(r -> {
            assertThat(r.answer()).isEqualTo(Answer.NO);
            assertThat(r.why()).contains("it reaches only US simulator numbers");
        });
    }

    @Test
    void a_sender_id_or_a_number_sends_within_its_country() {
        assertThat(UK_SENDER_ID.reaches("GB", true).answer()).isEqualTo(Answer.YES);
        assertThat(UK_SENDER_ID.reaches("GB", false).answer()).isEqualTo(Answer.YES);
        assertThat(UK_SENDER_ID.reaches("US", false).answer()).isEqualTo(Answer.NO);
        assertThat(US_TOLL_FREE.reaches("US", true).answer()).isEqualTo(Answer.YES);
        assertThat(US_TOLL_FREE.reaches("GB", false).why()).contains("sends only within United States");
        var international = new Sender("+18445550100", Kind.PHONE_NUMBER, "US", "TOLL_FREE", true, true, true);
        assertThat(international.reaches("GB", false).answer()).isEqualTo(Answer.MAYBE);
    }

    @Test
    void an_inactive_or_voice_only_sender_reaches_nothing() {
        assertThat(new Sender("+18445550100", Kind.PHONE_NUMBER, "US", "TOLL_FREE", false, true, false).reaches("US", false).answer())
                .isEqualTo(Answer.NO);
        assertThat(new Sender("+18445550100", Kind.PHONE_NUMBER, "US", "TOLL_FREE", true, false, false).reaches("US", false).why())
                .contains("cannot send texts");
    }

    @Test
    void a_pool_reaches_a_destination_when_one_of_its_senders_does() {
        assertThat(pool(US_SIMULATOR).reaches("GB", true).answer()).isEqualTo(Answer.NO);
        assertThat(pool(US_SIMULATOR, UK_SENDER_ID).reaches("GB", true)).satisfies(r -> {
            assertThat(r.answer()).isEqualTo(Answer.YES);
            assertThat(r.why()).isEqualTo("through sender ID MYBRAND");
        });
        assertThat(pool().reaches("US", true).why()).isEqualTo("the pool holds no number or sender ID");
    }
}
