package com.example.smsconsole.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.smsconsole.emulator.sms.SmsState;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ConflictException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ServiceQuotaExceededExceptionReason;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ValidationExceptionReason;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.VerificationChannel;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.VerificationStatus;

/** Sandbox verified destination numbers through the real SDK client. */
class SmsVoiceVerificationContractTest {

    static final String HANDSET = "+14255550101";

    EmulatorFixture fixture;
    PinpointSmsVoiceV2Client sms;

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture(Map.of(
                "app.emulator.verification.code-lifetime", "10m",
                "app.emulator.verification.min-age-before-delete", "60s",
                "app.emulator.verification.codes-per-number-per-day", "3"));
        sms = fixture.sms;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void a_number_is_added_sent_a_code_that_arrives_on_the_handset_and_verified() {
        var created = sms.createVerifiedDestinationNumber(b -> b.destinationPhoneNumber(HANDSET));
        assertThat(created.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(created.verifiedDestinationNumberArn()).endsWith("verified-destination-number/" + created.verifiedDestinationNumberId());

        String messageId = sms.sendDestinationNumberVerificationCode(b -> b.verifiedDestinationNumberId(created.verifiedDestinationNumberId())
                .verificationChannel(VerificationChannel.TEXT)).messageId();
        assertThat(messageId).isNotBlank();
        String code = latestCode(HANDSET);

        var verified = sms.verifyDestinationNumber(b -> b.verifiedDestinationNumberId(created.verifiedDestinationNumberId()).verificationCode(code));
        assertThat(verified.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(sms.describeVerifiedDestinationNumbers(b -> b.filters(f -> f.name("status").values("VERIFIED"))).verifiedDestinationNumbers())
                .extracting(v -> v.destinationPhoneNumber()).containsExactly(HANDSET);

        assertThatThrownBy(() -> sms.verifyDestinationNumber(b -> b.verifiedDestinationNumberId(created.verifiedDestinationNumberId()).verificationCode(code)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("VERIFICATION_ALREADY_COMPLETE"));
    }

    @Test
    void a_wrong_code_and_an_expired_code_get_their_distinct_errors() {
        String id = sms.createVerifiedDestinationNumber(b -> b.destinationPhoneNumber(HANDSET)).verifiedDestinationNumberId();
        sms.sendDestinationNumberVerificationCode(b -> b.verifiedDestinationNumberId(id).verificationChannel(VerificationChannel.VOICE));
        String code = latestCode(HANDSET);
        assertThat(lastMessage(HANDSET).channel).isEqualTo("VOICE");
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThatThrownBy(() -> sms.verifyDestinationNumber(b -> b.verifiedDestinationNumberId(id).verificationCode(wrong)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(ValidationExceptionReason.VERIFICATION_CODE_MISMATCH));

        fixture.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> sms.verifyDestinationNumber(b -> b.verifiedDestinationNumberId(id).verificationCode(code)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("VERIFICATION_CODE_EXPIRED"));
    }

    @Test
    void codes_per_number_and_day_are_limited() {
        String id = sms.createVerifiedDestinationNumber(b -> b.destinationPhoneNumber(HANDSET)).verifiedDestinationNumberId();
        for (int i = 0; i < 3; i++) {
            sms.sendDestinationNumberVerificationCode(b -> b.verifiedDestinationNumberId(id).verificationChannel(VerificationChannel.TEXT));
        }
        assertThatThrownBy(() -> sms.sendDestinationNumberVerificationCode(b -> b.verifiedDestinationNumberId(id).verificationChannel(VerificationChannel.TEXT)))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceQuotaExceededExceptionReason.VERIFICATION_ATTEMPTS_PER_DAY));
    }

    @Test
    void the_eleventh_number_a_duplicate_and_an_invalid_number_are_refused() {
        for (int i = 0; i < 10; i++) {
            String number = "+1425555" + String.format("%04d", 200 + i);
            sms.createVerifiedDestinationNumber(b -> b.destinationPhoneNumber(number));
        }
        assertThatThrownBy(() -> sms.createVerifiedDestinationNumber(b -> b.destinationPhoneNumber("+14255550300")))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceQuotaExceededExceptionReason.VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT));
        assertThatThrownBy(() -> sms.createVerifiedDestinationNumber(b -> b.destinationPhoneNumber("+14255550200")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reasonAsString()).isEqualTo("RESOURCE_ALREADY_EXISTS");
                    assertThat(e.resourceTypeAsString()).isEqualTo("verified-destination-number");
                });
        assertThatThrownBy(() -> sms.createVerifiedDestinationNumber(b -> b.destinationPhoneNumber("+1000000000")))
                .isInstanceOf(ValidationException.class);
        var limits = sms.describeAccountLimits(b -> {}).accountLimits();
        assertThat(limits).filteredOn(l -> l.nameAsString().equals("VERIFIED_DESTINATION_NUMBERS"))
                .singleElement().satisfies(l -> {
                    assertThat(l.used()).isEqualTo(10L);
                    assertThat(l.max()).isEqualTo(10L);
                });
        var page = sms.describeVerifiedDestinationNumbers(b -> b.maxResults(4));
        assertThat(page.verifiedDestinationNumbers()).hasSize(4);
        assertThat(page.nextToken()).isNotNull();
    }

    @Test
    void deleting_too_soon_after_adding_is_refused_then_allowed() {
        String id = sms.createVerifiedDestinationNumber(b -> b.destinationPhoneNumber(HANDSET)).verifiedDestinationNumberId();
        assertThatThrownBy(() -> sms.deleteVerifiedDestinationNumber(b -> b.verifiedDestinationNumberId(id)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasonAsString()).isEqualTo("RESOURCE_DELETION_NOT_ALLOWED"));
        fixture.advance(Duration.ofSeconds(61));
        assertThat(sms.deleteVerifiedDestinationNumber(b -> b.verifiedDestinationNumberId(id)).destinationPhoneNumber()).isEqualTo(HANDSET);
        assertThatThrownBy(() -> sms.deleteVerifiedDestinationNumber(b -> b.verifiedDestinationNumberId(id)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(sms.describeVerifiedDestinationNumbers(b -> {}).verifiedDestinationNumbers()).isEmpty();
    }

    private String latestCode(String number) {
        Matcher m = Pattern.compile("(\\d[\\d ]{5,})").matcher(lastMessage(number).body);
        assertThat(m.find()).isTrue();
        return m.group(1).replace(" ", "");
    }

    private SmsState.HandsetMessage lastMessage(String number) {
        return fixture.emulator.sms().handsets().stream().filter(h -> h.number.equals(number)).findFirst().orElseThrow().messages.getLast();
    }
}
