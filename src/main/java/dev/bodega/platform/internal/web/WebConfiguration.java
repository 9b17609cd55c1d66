package dev.bodega.platform.internal.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Language (Spanish by default, English by choice), message bundles, permission checks, the clock, and the
 * arguments every controller may declare: {@code PageQuery} and {@code IfMatch}.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    /** Resolved when interceptors are added: it needs beans (the clock among them) made here. */
    private final ObjectProvider<ApiCallLimit> apiCallLimit;

    WebConfiguration(ObjectProvider<ApiCallLimit> apiCallLimit) {
        this.apiCallLimit = apiCallLimit;
    }

    public static final String LOCALE_COOKIE = "bodega-lang";
    public static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("es");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LOCALE_COOKIE);
        resolver.setDefaultLocale(DEFAULT_LOCALE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Every bundle under {@code i18n/}, one per area of the UI; {@code x.properties}
     * is Spanish, {@code x_en.properties} English.
     */
    @Bean
    MessageSource messageSource() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        String[] basenames = Arrays.stream(bundles)
                .map(Resource::getFilename)
                .filter(name -> name != null && !name.contains("_"))
                .map(name -> "classpath:i18n/" + name.substring(0, name.length() - ".properties".length()))
                .distinct()
                .sorted()
                .toArray(String[]::new);
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(basenames);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(DEFAULT_LOCALE);
        return source;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        registry.addInterceptor(language);
        registry.addInterceptor(new PermissionInterceptor());
        registry.addInterceptor(apiCallLimit.getObject()).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PageQueryArgument());
        resolvers.add(new IfMatchArgument());
    }
}
