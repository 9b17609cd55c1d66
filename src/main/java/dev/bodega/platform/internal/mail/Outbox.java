package dev.bodega.platform.internal.mail;

import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;

/**
 * Mail to a person, written in the caller's transaction (a rollback sends nothing) and sent later by
 * {@link OutboxDelivery}. A message is {@code mail.<kind>.subject}, {@code .greeting}, {@code .body} and
 * {@code .action} in the recipient's language, with one link.
 */
@Component
public class Outbox {

    public record Entry(String recipient, String subject, String bodyText, java.time.Instant createdAt,
                        java.time.Instant sentAt, int attempts, String lastError) {
    }

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final String baseUrl;

    Outbox(JdbcClient jdbc, MessageSource messages, @Value("${bodega.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Queues mail {@code kind} to {@code recipient}; {@code path} is the link's path in this application. */
    public void send(String recipient, Locale locale, String kind, String path, Object... args) {
        String subject = text("mail." + kind + ".subject", locale, args);
        String body = text("mail." + kind + ".body", locale, args);
        String action = text("mail." + kind + ".action", locale, args);
        String link = baseUrl + path;
        String plain = body + "\n\n" + action + ": " + link + "\n";
        String html = "<!DOCTYPE html><html><body><p>" + HtmlUtils.htmlEscape(body) + "</p><p><a href=\""
                + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(action) + "</a></p></body></html>";
        jdbc.sql("""
                        INSERT INTO mail_outbox (tenant_id, id, recipient, subject, body_text, body_html)
                        VALUES (:tenant, :id, :recipient, :subject, :text, :html)""")
                .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("recipient", recipient)
                .param("subject", subject).param("text", plain).param("html", html)
                .update();
    }

    /** The current tenant's latest mail, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> latest(int limit) {
        return jdbc.sql("""
                        SELECT recipient, subject, body_text, created_at, sent_at, attempts, last_error
                        FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("limit", limit).query(Entry.class).list();
    }

    private String text(String key, Locale locale, Object[] args) {
        return messages.getMessage(key, args, locale);
    }
}
