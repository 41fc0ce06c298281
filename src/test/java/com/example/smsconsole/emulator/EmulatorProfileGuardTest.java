package com.example.smsconsole.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The emulator runs in the local profile only; the aws and prod profiles refuse it. */
class EmulatorProfileGuardTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmulatorProperties.class)
    static class Base {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private ApplicationContextRunner runner() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "guard-");
        return new ApplicationContextRunner()
                .withUserConfiguration(Base.class, EmulatorConfig.class)
                .withPropertyValues("app.emulator.port=0", "app.emulator.data-dir=" + dir);
    }

    @Test
    void the_local_profile_starts_it_and_offers_its_endpoint() throws Exception {
        runner().run(context -> {
            assertThat(context).hasSingleBean(AwsEmulator.class);
            assertThat(context.getBean(com.example.smsconsole.aws.AwsEndpointOverride.class).endpoint().getPort())
                    .isEqualTo(context.getBean(AwsEmulator.class).baseUri().getPort());
        });
    }

    @Test
    void switched_off_it_does_not_start() throws Exception {
        runner().withPropertyValues("app.emulator.enabled=false").run(context -> assertThat(context).doesNotHaveBean(AwsEmulator.class));
    }

    @Test
    void asked_for_with_the_aws_or_prod_profile_it_refuses_with_a_clear_message() throws Exception {
        for (String profile : new String[] {"aws", "prod"}) {
            runner().withPropertyValues("app.emulator.enabled=true").withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles(profile))
                    .run(context -> assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("local AWS emulator does not run with the profile(s) " + profile)
                            .hasMessageContaining("app.emulator.enabled"));
        }
    }
}
