package dev.bodega.messaging.internal.webchat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Web chat's public endpoints: called by a script on the shop's own site, with no session and no cookie to forge
 * (so no CSRF token), from any origin (CORS from the controller's {@code @CrossOrigin}).
 */
@Configuration(proxyBeanMethods = false)
class WebChatSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain webChatFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/webchat/**")
                .csrf(c -> c.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }
}
