package dev.bodega;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spanish ({@code x.properties}) and English ({@code x_en.properties}) bundles
 * stay in step, and every message a template or a validation annotation names
 * exists.
 */
class MessageBundlesTest {

    /** {@code #{key}} or {@code #{key(args)}}; what follows "#{" up to "}" or "(". */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([^}(]*)");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_.\\-]+");
    /** {@code message = "{key}"} on a Bean Validation constraint. */
    private static final Pattern CONSTRAINT_KEY = Pattern.compile("message\\s*=\\s*\"\\{([^}]+)}\"");

    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    @Test
    void everySpanishBundleHasAnEnglishTwinWithTheSameKeysAndNoEmptyValues() throws IOException {
        Map<String, Properties> bundles = bundles();
        List<String> problems = new ArrayList<>();
        bundles.forEach((name, spanish) -> {
            if (name.contains("_")) {
                return;
            }
            Properties english = bundles.get(name + "_en");
            if (english == null) {
                problems.add(name + ".properties has no " + name + "_en.properties");
                return;
            }
            difference(spanish, english).forEach(key -> problems.add(name + "_en lacks " + key));
            difference(english, spanish).forEach(key -> problems.add(name + " lacks " + key));
            emptyValues(name, spanish, problems);
            emptyValues(name + "_en", english, problems);
        });
        assertThat(bundles).as("bundles under i18n/").isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyUsedInTemplatesExists() throws IOException {
        Set<String> keys = allSpanishKeys();
        List<String> missing = new ArrayList<>();
        Resource[] templates = resources.getResources("classpath*:templates/**/*.html");
        assertThat(templates).isNotEmpty();
        for (Resource template : templates) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            for (String key : templateKeys(html)) {
                if (!keys.contains(key)) {
                    missing.add(template.getFilename() + ": #{" + key + "}");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyValidationMessageKeyExists() throws IOException {
        Set<String> keys = allSpanishKeys();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CONSTRAINT_KEY.matcher(Files.readString(source));
                while (m.find()) {
                    String key = m.group(1);
                    boolean ours = !key.startsWith("jakarta.") && !key.startsWith("org.hibernate.");
                    if (ours && !keys.contains(key)) {
                        missing.add(source.getFileName() + ": {" + key + "}");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templateKeysAreParsedAsExpected() {
        assertThat(templateKeys("""
                <h1 th:text="#{a.title}"></h1> <p th:text="#{b.hello(${user.name}, 3)}"></p>
                <p th:text="#{${error}}"></p> <td th:text="${x} ?: #{c.never}"></td>"""))
                .containsExactlyInAnyOrder("a.title", "b.hello", "c.never");
    }

    /** Keys named literally; a key computed at run time ({@code #{${error}}}) cannot be checked here. */
    static Set<String> templateKeys(String html) {
        Set<String> found = new TreeSet<>();
        Matcher m = TEMPLATE_KEY.matcher(html);
        while (m.find()) {
            String key = m.group(1).trim();
            if (PLAIN_KEY.matcher(key).matches()) {
                found.add(key);
            }
        }
        return found;
    }

    private Set<String> allSpanishKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        bundles().forEach((name, bundle) -> {
            if (!name.contains("_")) {
                keys.addAll(bundle.stringPropertyNames());
            }
        });
        return keys;
    }

    private Map<String, Properties> bundles() throws IOException {
        Map<String, Properties> bundles = new TreeMap<>();
        for (Resource resource : resources.getResources("classpath*:i18n/*.properties")) {
            String file = resource.getFilename();
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            bundles.put(file.substring(0, file.length() - ".properties".length()), properties);
        }
        return bundles;
    }

    private static Set<String> difference(Properties a, Properties b) {
        Set<String> keys = new TreeSet<>(a.stringPropertyNames());
        keys.removeAll(b.stringPropertyNames());
        return keys;
    }

    private static void emptyValues(String name, Properties bundle, List<String> problems) {
        bundle.stringPropertyNames().stream().sorted()
                .filter(key -> bundle.getProperty(key).isBlank())
                .forEach(key -> problems.add(name + " has an empty " + key));
    }
}
