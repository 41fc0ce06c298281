package com.example.smsconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing from outside (receipts, AWS answers, imports, users' input) reaches the page as markup or
 * script: the console's code has no way to write markup at all. The components that take markup
 * ({@code Html}, {@code Svg}) are not used, no code writes {@code innerHTML}, and JavaScript run
 * from the server is a constant with its values passed as parameters. The in-browser check that
 * markup stays text on every view is {@code StoredMarkupPlaywrightIT}.
 */
class MarkupSinksTest {

    private static final String ROOT = "com.example.smsconsole";
    private static final Path MAIN = Path.of("src", "main", "java");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void no_component_that_takes_markup_is_used() {
        noClasses().that().resideInAPackage(ROOT + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.vaadin.flow.component.Html")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.vaadin.flow.component.Svg")
                .because("markup from a receipt or an AWS answer would run as script; build elements with setText/setAttribute")
                .check(classes);
    }

    @Test
    void no_code_writes_inner_html() throws IOException {
        Pattern sink = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|setInnerHtml|document\\.write|srcdoc", Pattern.CASE_INSENSITIVE);
        assertThat(matches(sink, MAIN)).isEmpty();
        assertThat(matches(sink, Path.of("frontend"))).isEmpty();
    }

    @Test
    void javascript_run_from_the_server_is_a_constant_with_parameters() throws IOException {
        // executeJs("...$0...", value) sends the value as data; executeJs("..." + value) would run it as code
        Pattern call = Pattern.compile("(executeJs|callJsFunction|addJavaScript|addJsInitializer)\\s*\\(");
        Pattern constant = Pattern.compile("(executeJs|callJsFunction)\\s*\\(\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*[,)]");
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            String source = Files.readString(file);
            Matcher m = call.matcher(source);
            while (m.find()) {
                if (!constant.matcher(source).region(m.start(), source.length()).lookingAt()) {
                    offenders.add(file + " at offset " + m.start());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void the_checks_see_a_sink_when_there_is_one() {
        // the patterns above, against lines that must fail them (so the checks cannot pass by matching nothing)
        Pattern sink = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|setInnerHtml|document\\.write|srcdoc", Pattern.CASE_INSENSITIVE);
        assertThat(sink.matcher("getElement().setProperty(\"innerHTML\", receipt.eventType());").find()).isTrue();
        Pattern constant = Pattern.compile("(executeJs|callJsFunction)\\s*\\(\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*[,)]");
        assertThat(constant.matcher("executeJs(\"this.title = $0\", type)").lookingAt()).isTrue();
        assertThat(constant.matcher("executeJs(\"this.title = '\" + type + \"'\")").lookingAt()).isFalse();
        assertThat(javaFiles(MAIN)).isNotEmpty();
    }

    private static List<String> matches(Pattern pattern, Path root) throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(java|js|ts|html|css)$"))
                    // Vaadin's own generated bootstrap files are not the console's code
                    .filter(p -> !p.toString().contains("generated")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        return found;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
