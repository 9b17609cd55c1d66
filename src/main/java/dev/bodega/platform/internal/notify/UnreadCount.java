package dev.bodega.platform.internal.notify;

import dev.bodega.platform.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The unread count in every page header. Added only when a page is rendered: a model attribute would
 * also run for every API call (a REST controller is a controller too) and cost each sale a transaction.
 */
@Configuration
class UnreadCount implements HandlerInterceptor, WebMvcConfigurer {

    private final NotificationStore notifications;

    UnreadCount(NotificationStore notifications) {
        this.notifications = notifications;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")) {
            page.addObject("unreadCount", Actor.current().map(a -> notifications.unreadCount(a.userId())).orElse(0));
        }
    }
}
