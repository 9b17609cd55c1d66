package dev.bodega.platform.internal.operator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The operator console's own filter chain: its own sign-in page, and the signed-in operator kept under a session
 * attribute of its own, so an operator is never a company's signed-in user and a company's user never an operator.
 * The handlers are {@code @PublicEndpoint} for the companies' permission check: this chain guards them.
 */
@Configuration(proxyBeanMethods = false)
class OperatorSecurity {

    static final HttpSessionSecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    static {
        CONTEXTS.setSpringSecurityContextKey("BODEGA_OPERATOR_CONTEXT");
    }

    @Bean
    @Order(0)
    SecurityFilterChain operatorConsole(HttpSecurity http) throws Exception {
        return http.securityMatcher("/operator", "/operator/**")
                .securityContext(c -> c.securityContextRepository(CONTEXTS))
                .authorizeHttpRequests(a -> a.requestMatchers("/operator/login").permitAll()
                        .anyRequest().access((auth, context) -> new AuthorizationDecision(
                                auth.get() instanceof OperatorAuthentication)))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/operator/login")))
                .logout(l -> l.logoutUrl("/operator/logout").logoutSuccessUrl("/operator/login?logout"))
                .headers(h -> h.frameOptions(f -> f.deny()))
                .requestCache(c -> c.disable())
                .build();
    }
}
