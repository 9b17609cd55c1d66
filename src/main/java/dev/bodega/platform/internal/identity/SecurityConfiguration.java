package dev.bodega.platform.internal.identity;

import dev.bodega.platform.internal.web.ProblemSecurityHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import jakarta.servlet.DispatcherType;

/**
 * Spring Security decides only who the caller is; what they may do is
 * checked per handler by {@link PermissionInterceptor}, against permissions
 * read fresh from the database by {@link ActorFilter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** Channels' webhooks (WhatsApp): no session, no cookie to forge; each proves itself by a signature. */
    static final String WEBHOOKS = "/webhooks/**";
    static final String[] PUBLIC_PAGES = {"/login", "/signup", "/join/*", "/track/*", "/invitations/*", "/password-reset", "/password-reset/*",
            "/email-verification/*", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
            "/error", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html", WEBHOOKS};

    /**
     * Scripts only from Bodega's own files (no inline script, no inline event handler, no eval: pages ask for
     * behaviour by attribute, see js/layout.js); inline styles stay allowed. No page may be framed.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Headers for every answer: the policy above, no Referer to other sites (links carry tokens: invitations,
     * password resets, tracking), and HSTS over HTTPS (Spring Security's default, also behind a proxy that says
     * so, server.forward-headers-strategy).
     */
    static void browserHeaders(HttpSecurity http) throws Exception {
        http.headers(h -> h.frameOptions(f -> f.deny())
                .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    }

    /**
     * No Spring Security observation at all: switched off by name, the observations became no-ops, yet every filter
     * of every request was still wrapped in one (issue 17's profile); without observations nothing is wrapped. The
     * request metrics (http.server.requests) stay.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, ProblemSecurityHandler problems,
                            SecurityContextRepository contexts) throws Exception {
        browserHeaders(http);
        return http.securityMatcher("/api/**")
                .securityContext(c -> c.securityContextRepository(contexts))
                // A Bearer call carries no cookie, so there is nothing to forge; nor does a public sign-up. Session calls keep CSRF.
                .csrf(c -> c.ignoringRequestMatchers(r -> r.getHeader(HttpHeaders.AUTHORIZATION) != null)
                        .ignoringRequestMatchers("/api/v1/signup", "/api/v1/password-reset"))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), AnonymousAuthenticationFilter.class)
                // The async dispatch that ends a stream (the inbox's live events) belongs to a request already
                // authorized; the API key is not read again for it.
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/api/v1/signup", "/api/v1/password-reset").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .requestCache(c -> c.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SecurityContextRepository contexts, LogoutHandler logoutEvents)
            throws Exception {
        browserHeaders(http);
        return http
                .securityContext(c -> c.securityContextRepository(contexts))
                .csrf(c -> c.ignoringRequestMatchers(WEBHOOKS))
                .authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES).permitAll().anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .logout(l -> l.logoutUrl("/logout").addLogoutHandler(logoutEvents).logoutSuccessUrl("/login?logout"))
                .build();
    }
}
