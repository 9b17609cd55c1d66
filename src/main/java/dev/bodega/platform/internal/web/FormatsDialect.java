package dev.bodega.platform.internal.web;

import dev.bodega.platform.Formats;
import dev.bodega.platform.Money;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * {@code #fmt} in every template: {@link Formats} in the page's language, with the company's time zone and
 * currency (UTC and two decimals on pages without a company, such as the login page).
 */
@Component
class FormatsDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "fmt";

    private final TenantSettingsService settings;

    FormatsDialect(TenantSettingsService settings) {
        super("bodega-formats");
        this.settings = settings;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                Company company = new Company();
                return new Formats(context.getLocale(), () -> company.get().map(TenantSettings::zoneId)
                        .orElse(ZoneOffset.UTC), () -> company.get().map(s -> Money.decimals(s.currency())).orElse(2));
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    /** The company's settings, read at most once per page. */
    private final class Company {

        private Optional<TenantSettings> loaded;

        Optional<TenantSettings> get() {
            if (loaded == null) {
                loaded = TenantContext.current().isPresent() ? Optional.of(settings.current()) : Optional.empty();
            }
            return loaded;
        }
    }
}
