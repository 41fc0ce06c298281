package com.example.smsconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The package rules of docs/architecture: who may talk to AWS, the emulator's isolation, layering. */
class ArchitectureTest {

    private static final String ROOT = "com.example.smsconsole";
    private static final String[] FEATURES = {"..registration..", "..verification..", "..sending..", "..deliverylog..",
        "..audit..", "..security..", "..overview..", "..common.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    private static final DescribedPredicate<JavaClass> GATEWAY = DescribedPredicate.describe("a gateway",
            c -> c.getName().matches(".*\\.[A-Za-z]+Gateway(\\$.*)?"));

    @Test
    void only_gateways_and_the_aws_package_use_the_aws_sdk() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".aws..").and(DescribedPredicate.not(GATEWAY))
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void no_feature_depends_on_the_emulator() {
        noClasses().that().resideInAnyPackage(FEATURES).or().resideInAPackage(ROOT + ".aws..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".emulator..")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT).and().haveSimpleNameNotStartingWith("package-info")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".emulator..")
                .check(classes);
    }

    @Test
    void the_emulator_depends_on_no_feature() {
        noClasses().that().resideInAPackage(ROOT + ".emulator..")
                .should().dependOnClassesThat().resideInAnyPackage("..registration..", "..verification..", "..sending..",
                        "..deliverylog..", "..audit..", "..overview..")
                .check(classes);
    }

    /**
     * The emulator is an independent witness of AWS: its core shares no code with the console
     * (text segmentation, phone numbers, ...). Only its Spring wiring (EmulatorConfig) and its page in
     * the console (emulator.ui) may use console classes.
     */
    @Test
    void the_emulator_core_imports_nothing_of_the_console() {
        noClasses().that().resideInAPackage(ROOT + ".emulator..").and().resideOutsideOfPackage(ROOT + ".emulator.ui..")
                .and().haveNameNotMatching(".*\\.emulator\\.EmulatorConfig(\\$.*)?")
                .should().dependOnClassesThat(DescribedPredicate.describe("console classes outside the emulator",
                        c -> c.getPackageName().startsWith(ROOT) && !c.getPackageName().startsWith(ROOT + ".emulator")))
                .check(classes);
    }

    @Test
    void the_emulator_uses_no_sdk_classes() {
        noClasses().that().resideInAPackage(ROOT + ".emulator..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void services_and_gateways_do_not_depend_on_views() {
        noClasses().that().resideOutsideOfPackage("..ui..").and().resideOutsideOfPackage(ROOT)
                .and().resideOutsideOfPackage(ROOT + ".security")
                .and().doNotHaveSimpleName("EmulatorConfig")
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .check(classes);
    }

    @Test
    void views_are_package_private_except_navigation_helpers() {
        classes().that().resideInAPackage(ROOT + ".(*).ui..").and().areAnnotatedWith(com.vaadin.flow.router.Route.class)
                .should().notBePublic()
                .check(classes);
        classes().that().resideInAPackage(ROOT + ".(*).ui..").and().arePublic().and().areTopLevelClasses()
                .and().resideOutsideOfPackage(ROOT + ".common.ui..")
                .should().haveSimpleNameEndingWith("Navigation")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * Decision 012: one class turns an AWS failure into what the page shows. Views hand the
     * exception to {@code InlineMessage} (which also words the pop-up of the error handler) instead
     * of building text from its message and support line.
     */
    @Test
    void only_inline_message_words_aws_failures_for_the_page() {
        awsFailuresAreWordedByInlineMessageOnly().check(classes);
    }

    /** The rule above fails on a view class that words an AWS failure itself. */
    @Test
    void the_aws_wording_rule_fails_on_a_view_that_words_a_failure_itself() {
        JavaClasses fixture = new ClassFileImporter().importClasses(com.example.smsconsole.common.ui.WordsItsOwnAwsFailure.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> awsFailuresAreWordedByInlineMessageOnly().check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("WordsItsOwnAwsFailure.text(")
                .hasMessageContaining("userMessage()")
                .hasMessageContaining("supportLine()");
    }

    private static com.tngtech.archunit.lang.ArchRule awsFailuresAreWordedByInlineMessageOnly() {
        return noClasses().that().resideInAPackage("..ui..")
                .and().doNotHaveFullyQualifiedName(ROOT + ".common.ui.InlineMessage")
                .should().callMethod(com.example.smsconsole.aws.AwsCallException.class, "userMessage")
                .orShould().callMethod(com.example.smsconsole.aws.AwsCallException.class, "supportLine")
                .because("InlineMessage is the one place that turns an AwsCallException into the page's words (decision 012)");
    }

    @Test
    void repositories_are_used_only_by_their_own_feature_outside_its_views() {
        for (String feature : new String[] {"audit", "deliverylog", "sending"}) {
            classes().that().resideInAPackage(ROOT + "." + feature + ".repository..")
                    .should().onlyBeAccessed().byClassesThat(DescribedPredicate.describe("the " + feature + " feature outside ui",
                            c -> c.getPackageName().startsWith(ROOT + "." + feature) && !c.getPackageName().contains(".ui")))
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void top_level_packages_have_no_cycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void gateways_are_not_public() {
        classes().that(GATEWAY).and().areTopLevelClasses().should().notHaveModifier(JavaModifier.PUBLIC)
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * The README promises that services check roles too: every public instance method of a
     * {@code @Service} carries a role rule ({@code @PreAuthorize} or {@code @Secured}, on the method or
     * on its class). Static methods are pure helpers that method security cannot guard.
     */
    @Test
    void every_public_service_method_has_a_role_rule() {
        serviceMethodsHaveARoleRule().check(classes);
    }

    /** The rule above fails on a service with one unguarded public method, and only on that method. */
    @Test
    void the_role_rule_check_fails_on_an_unguarded_service_method() {
        JavaClasses fixture = new ClassFileImporter().importClasses(UnguardedService.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> serviceMethodsHaveARoleRule().check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UnguardedService.open()")
                .hasMessageNotContaining("UnguardedService.guarded()")
                .hasMessageNotContaining("helper");
    }

    @Service
    static class UnguardedService {
        public void open() {
        }

        @PreAuthorize(com.example.smsconsole.security.AppRoles.ONLY_ADMIN)
        public void guarded() {
        }

        public static void helper() {
        }
    }

    private static com.tngtech.archunit.lang.ArchRule serviceMethodsHaveARoleRule() {
        return methods().that().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
                .and().arePublic().and().doNotHaveModifier(JavaModifier.STATIC)
                .should(HAVE_A_ROLE_RULE);
    }

    private static final ArchCondition<JavaMethod> HAVE_A_ROLE_RULE = new ArchCondition<>("have a role rule on the method or its class") {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
            boolean ruled = method.isAnnotatedWith(PreAuthorize.class) || method.isAnnotatedWith(Secured.class)
                    || method.getOwner().isAnnotatedWith(PreAuthorize.class) || method.getOwner().isAnnotatedWith(Secured.class);
            events.add(new SimpleConditionEvent(method, ruled, method.getFullName() + (ruled ? " has" : " has no")
                    + " role rule (@PreAuthorize(AppRoles...) on the method or its class)"));
        }
    };
}
