package dev.bodega;

import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem type a module declares has its message in Spanish and in
 * English, and every page's own wording of a problem
 * ({@code <area>.problem.<slug>}) words a type that exists.
 */
class ProblemTypesTest {

    private static final String OWN_WORDING = ".problem.";

    @Test
    void everyDeclaredProblemTypeHasItsMessageInBothLanguages() throws IOException {
        List<ProblemType> types = declaredTypes();
        Properties spanish = bundles(false);
        Properties english = bundles(true);
        List<String> missing = new ArrayList<>();
        for (ProblemType type : types) {
            if (spanish.getProperty(type.messageKey(), "").isBlank()) {
                missing.add(type + ": " + type.messageKey() + " (Spanish)");
            }
            if (english.getProperty(type.messageKey(), "").isBlank()) {
                missing.add(type + ": " + type.messageKey() + " (English)");
            }
        }
        assertThat(types).as("problem types found under dev.bodega").contains(PlatformProblem.values());
        assertThat(types.stream().map(t -> t.getClass().getSimpleName()).distinct())
                .as("one enum per module").contains("CatalogProblem", "InventoryProblem", "SalesProblem",
                        "PurchasingProblem");
        assertThat(missing).isEmpty();
    }

    @Test
    void everyPageWordingWordsADeclaredProblemType() throws IOException {
        Set<String> slugs = declaredTypes().stream().map(ProblemType::slug).collect(Collectors.toSet());
        List<String> orphans = bundles(false).stringPropertyNames().stream().sorted()
                .filter(key -> key.contains(OWN_WORDING) && !key.startsWith("problem."))
                .filter(key -> !slugs.contains(key.substring(key.lastIndexOf(OWN_WORDING) + OWN_WORDING.length())))
                .toList();
        assertThat(orphans).isEmpty();
    }

    private static List<ProblemType> declaredTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ProblemType.class));
        Set<String> classes = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.bodega")) {
            classes.add(candidate.getBeanClassName());
        }
        List<ProblemType> types = new ArrayList<>();
        for (String name : classes) {
            try {
                Object[] constants = Class.forName(name).getEnumConstants();
                assertThat(constants).as(name + " is an enum").isNotNull();
                for (Object constant : constants) {
                    types.add((ProblemType) constant);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return types;
    }

    /** All Spanish ({@code x.properties}) or all English ({@code x_en.properties}) bundles as one. */
    private static Properties bundles(boolean english) throws IOException {
        Properties all = new Properties();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            String file = resource.getFilename();
            if (file == null || file.endsWith("_en.properties") != english) {
                continue;
            }
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                all.load(reader);
            }
        }
        return all;
    }
}
