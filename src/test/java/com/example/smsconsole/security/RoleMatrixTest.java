package com.example.smsconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.support.ConsoleTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Calls every public method of every service of the console as ADMIN, QA, SUPPORT, an anonymous
 * visitor and with no one signed in (background work), and checks that the service lets exactly the
 * roles of the README's role table through. The methods are found by reflection, so a new service
 * method without a row below fails this test. A call counts as allowed when the service does not
 * refuse it with {@link AccessDeniedException} or an {@link AuthenticationException}; the call then
 * really runs, with null (or 0/false) arguments, so what it does after the check does not matter here.
 */
@ConsoleTest
class RoleMatrixTest {

    /*
     * Expected roles per method, from the README, not from the annotations:
     * "Roles and demo logins": ADMIN may open everything (registrations, sandbox verification, test send, delivery history,
     * audit log); QA sandbox verification, test send, delivery history; SUPPORT delivery history (search, export);
     * "Every role sees the overview". "Overview": all roles; ADMIN may change the opt-out list; the day a number can leave
     * the list again comes "from the audit log's last removal" (audit log: ADMIN). "Delivery history": roles SUPPORT, QA,
     * ADMIN; "admins have Sync now". "Audit": "Admins read it". Writing the audit log is open to every caller, signed in
     * or not (features write it for their user, scheduled work as "system", sign-in before anyone is signed in).
     */
    private static final String ADMIN_ONLY = "ADMIN";
    private static final String QA_ADMIN = "ADMIN QA";
    private static final String EVERY_ROLE = "ADMIN QA SUPPORT";
    private static final String EVERYONE = "ADMIN QA SUPPORT anonymous";

    private static final Map<String, String> EXPECTED = table("""
            RegistrationService.types                    ADMIN
            RegistrationService.type                     ADMIN
            RegistrationService.form                     ADMIN
            RegistrationService.registrations            ADMIN
            RegistrationService.registration             ADMIN
            RegistrationService.versions                 ADMIN
            RegistrationService.fieldValues              ADMIN
            RegistrationService.formValues               ADMIN
            RegistrationService.fieldDenials             ADMIN
            RegistrationService.state                    ADMIN
            RegistrationService.flow                     ADMIN
            RegistrationService.name                     ADMIN
            RegistrationService.rename                   ADMIN
            RegistrationService.saveDraft                ADMIN
            RegistrationService.uploadAttachment         ADMIN
            RegistrationService.associations             ADMIN
            RegistrationService.numbersToAssociate       ADMIN
            RegistrationService.priceQuote               ADMIN
            RegistrationService.numberRequestToken       ADMIN
            RegistrationService.requestNumber            ADMIN
            RegistrationService.associate                ADMIN
            RegistrationService.registrationsToAssociate ADMIN
            RegistrationService.submit                   ADMIN
            RegistrationService.createVersion            ADMIN
            RegistrationService.refill                   ADMIN
            RegistrationService.discardDraft             ADMIN
            RegistrationService.delete                   ADMIN
            VerificationService.numbers                  ADMIN QA
            VerificationService.status                   ADMIN QA
            VerificationService.add                      ADMIN QA
            VerificationService.sendCode                 ADMIN QA
            VerificationService.cooldownLeft             ADMIN QA
            VerificationService.verify                   ADMIN QA
            VerificationService.delete                   ADMIN QA
            VerificationService.addAll                   ADMIN QA
            VerificationService.find                     ADMIN QA
            TestSendService.resources                    ADMIN QA
            TestSendService.prices                       ADMIN QA
            TestSendService.watchTimeout                 ADMIN QA
            TestSendService.originationIdentities        ADMIN QA
            TestSendService.configurationSets            ADMIN QA
            TestSendService.numberState                  ADMIN QA
            TestSendService.optedOutNumber               ADMIN QA
            TestSendService.preview                      ADMIN QA
            TestSendService.send                         ADMIN QA
            TestSendService.validate                     ADMIN QA
            TestSendService.events                       ADMIN QA
            TestSendService.refreshReceipts              ADMIN QA
            TestSendService.history                      ADMIN QA
            TestSendService.simulators                   ADMIN QA
            TestSendService.originations                 ADMIN QA
            TestSendService.checkDestination             ADMIN QA
            OverviewService.numbers                      ADMIN QA SUPPORT
            OverviewService.pools                        ADMIN QA SUPPORT
            OverviewService.delivery                     ADMIN QA SUPPORT
            OverviewService.optOutList                   ADMIN QA SUPPORT
            OverviewService.optedOut                     ADMIN QA SUPPORT
            OverviewService.optOut                       ADMIN
            OverviewService.optIn                        ADMIN
            OverviewService.lastRemoval                  ADMIN
            SetupChecks.run                              ADMIN QA SUPPORT
            DeliveryLogService.findEvents                ADMIN QA SUPPORT
            DeliveryLogService.findEventsSorted          ADMIN QA SUPPORT
            DeliveryLogService.eventTypesPresent         ADMIN QA SUPPORT
            DeliveryLogService.lastThrottledAt           ADMIN QA SUPPORT
            DeliveryLogService.malformed                 ADMIN QA SUPPORT
            TestSendBodies.bodyOf                        ADMIN QA SUPPORT
            DeliveryLogService.countEvents               ADMIN QA SUPPORT
            DeliveryLogService.countsByType              ADMIN QA SUPPORT
            DeliveryLogService.findMessages              ADMIN QA SUPPORT
            DeliveryLogService.countMessages             ADMIN QA SUPPORT
            DeliveryLogService.pendingAfter              ADMIN QA SUPPORT
            DeliveryLogService.timeline                  ADMIN QA SUPPORT
            DeliveryLogService.message                   ADMIN QA SUPPORT
            DeliveryLogService.rawJson                   ADMIN QA SUPPORT
            DeliveryLogService.histogram                 ADMIN QA SUPPORT
            DeliveryLogService.exportCap                 ADMIN QA SUPPORT
            DeliveryLogService.exportCsv                 ADMIN QA SUPPORT
            DeliveryLogService.status                    ADMIN QA SUPPORT
            DeliveryLogService.syncNow                   ADMIN
            DeliveryLogService.requestSync               ADMIN QA SUPPORT
            DeliveryLogService.summary                   ADMIN QA SUPPORT
            DeliveryLogService.newestReceipt             ADMIN QA SUPPORT
            AuditService.record                          ADMIN QA SUPPORT anonymous
            AuditService.success                         ADMIN QA SUPPORT anonymous
            AuditService.failure                         ADMIN QA SUPPORT anonymous
            AuditService.refused                         ADMIN QA SUPPORT anonymous
            AuditService.attempt                         ADMIN QA SUPPORT anonymous
            AuditService.complete                        ADMIN QA SUPPORT anonymous
            AuditService.awsChange                       ADMIN QA SUPPORT anonymous
            AuditService.find                            ADMIN
            AuditService.count                           ADMIN
            AuditService.actions                         ADMIN
            AuditService.verifyChain                     ADMIN
            """);

    /** Who calls: the three roles, an anonymous visitor of a web page, and a background thread with no one signed in. */
    private static final Map<String, Supplier<Authentication>> CALLERS = new LinkedHashMap<>();

    static {
        for (String role : List.of(AppRoles.ADMIN, AppRoles.QA, AppRoles.SUPPORT)) {
            CALLERS.put(role, () -> UsernamePasswordAuthenticationToken.authenticated("matrix-" + role.toLowerCase(), null,
                    AuthorityUtils.createAuthorityList("ROLE_" + role)));
        }
        CALLERS.put("anonymous", () -> new AnonymousAuthenticationToken("matrix", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        // background work (a scheduled job) has no authentication at all; it may do what an anonymous caller may
        CALLERS.put("nobody", () -> null);
    }

    @Autowired
    ApplicationContext context;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @TestFactory
    Stream<DynamicContainer> every_public_service_method_lets_exactly_its_roles_through() {
        return services().entrySet().stream().flatMap(service -> publicMethods(service.getValue()).stream().map(method -> {
            String key = AopUtils.getTargetClass(service.getValue()).getSimpleName() + "." + method.getName();
            return DynamicContainer.dynamicContainer(key, CALLERS.entrySet().stream().map(caller -> DynamicTest.dynamicTest(caller.getKey(),
                    () -> {
                        assertThat(EXPECTED).as("row for %s in the role matrix (README role table)", key).containsKey(key);
                        boolean expected = allowed(EXPECTED.get(key), caller.getKey());
                        boolean actual = callAs(caller.getValue().get(), service.getValue(), method);
                        assertThat(actual).as("%s called as %s: allowed", key, caller.getKey()).isEqualTo(expected);
                    })));
        }));
    }

    @Test
    void every_row_of_the_matrix_names_a_public_service_method() {
        Set<String> methods = new TreeSet<>();
        services().values().forEach(bean -> publicMethods(bean)
                .forEach(m -> methods.add(AopUtils.getTargetClass(bean).getSimpleName() + "." + m.getName())));
        assertThat(methods).as("the console's public service methods").hasSizeGreaterThan(80);
        assertThat(methods).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void a_public_method_name_is_not_overloaded_within_a_service() {
        // the matrix keys its rows by name; an overload would share a row without anyone deciding it
        services().values().forEach(bean -> {
            List<String> names = publicMethods(bean).stream().map(Method::getName).toList();
            assertThat(names).as(AopUtils.getTargetClass(bean).getSimpleName()).doesNotHaveDuplicates();
        });
    }

    private Map<String, Object> services() {
        Map<String, Object> services = new TreeMap<>();
        context.getBeansWithAnnotation(Service.class).forEach((name, bean) -> {
            if (AopUtils.getTargetClass(bean).getPackageName().startsWith("com.example.smsconsole")) {
                services.put(name, bean);
            }
        });
        assertThat(services).as("the console's @Service beans").hasSizeGreaterThanOrEqualTo(7);
        return services;
    }

    private static List<Method> publicMethods(Object bean) {
        return Arrays.stream(AopUtils.getTargetClass(bean).getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
                .sorted(java.util.Comparator.comparing(Method::getName))
                .toList();
    }

    private static boolean allowed(String row, String caller) {
        Set<String> roles = Set.of(row.split(" "));
        return roles.contains(caller.equals("nobody") ? "anonymous" : caller);
    }

    /** True when the service let the call through (whatever the method then did with its null arguments). */
    private static boolean callAs(Authentication authentication, Object bean, Method method) throws Exception {
        SecurityContextHolder.clearContext();
        if (authentication != null) {
            var securityContext = SecurityContextHolder.createEmptyContext();
            securityContext.setAuthentication(authentication);
            SecurityContextHolder.setContext(securityContext);
        }
        Object[] args = Arrays.stream(method.getParameterTypes()).map(RoleMatrixTest::placeholder).toArray();
        try {
            method.invoke(bean, args);
            return true;
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            return !(thrown instanceof AccessDeniedException || thrown instanceof AuthenticationException);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Object placeholder(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type.isPrimitive()) {
            throw new IllegalStateException("no placeholder for " + type);
        }
        return null;
    }

    private static Map<String, String> table(String text) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : text.strip().split("\n")) {
            String[] cells = line.strip().split("\\s+", 2);
            String roles = Arrays.stream(cells[1].split("\\s+")).collect(Collectors.joining(" "));
            if (!List.of(ADMIN_ONLY, QA_ADMIN, EVERY_ROLE, EVERYONE).contains(roles)) {
                throw new IllegalStateException("unknown role set in the matrix: " + line);
            }
            if (rows.put(cells[0], roles) != null) {
                throw new IllegalStateException("row twice in the matrix: " + cells[0]);
            }
        }
        return rows;
    }
}
