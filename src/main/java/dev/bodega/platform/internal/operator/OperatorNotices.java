package dev.bodega.platform.internal.operator;

import dev.bodega.platform.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the operators must hear of: kept for the console's notices page, and mailed to every active operator when
 * SMTP is configured (operators belong to no company, so not through a company's mail outbox).
 */
@Service
public class OperatorNotices {

    private static final Logger log = LoggerFactory.getLogger(OperatorNotices.class);

    record Notice(UUID id, String kind, String title, String body, Instant createdAt, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final Operators operators;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final boolean smtpConfigured;

    OperatorNotices(JdbcClient jdbc, Operators operators, ObjectProvider<JavaMailSender> mail,
                    @Value("${bodega.mail.from}") String from, @Value("${spring.mail.host:}") String smtpHost) {
        this.jdbc = jdbc;
        this.operators = operators;
        this.mail = mail;
        this.from = from;
        this.smtpConfigured = !smtpHost.isBlank();
    }

    /** {@code kind}: a lower-case slug, for example {@code data-check}. */
    @Transactional
    public void tell(String kind, String title, String body) {
        jdbc.sql("INSERT INTO operator_notifications (id, kind, title, body) VALUES (:id, :kind, :title, :body)")
                .param("id", Ids.next()).param("kind", kind).param("title", title).param("body", body).update();
        if (smtpConfigured) {
            mail.ifAvailable(sender -> send(sender, title, body));
        }
    }

    @Transactional(readOnly = true)
    List<Notice> recent(int limit) {
        return jdbc.sql("""
                        SELECT id, kind, title, body, created_at, read_at FROM operator_notifications
                        ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("limit", limit).query(Notice.class).list();
    }

    @Transactional
    void markAllRead() {
        jdbc.sql("UPDATE operator_notifications SET read_at = now() WHERE read_at IS NULL").update();
    }

    private void send(JavaMailSender sender, String title, String body) {
        List<String> to = operators.activeEmails();
        if (to.isEmpty()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(title);
        message.setText(body);
        try {
            sender.send(message);
        } catch (MailException e) {
            // The notice stays on the console; a mail server's outage must not lose it.
            log.warn("Could not mail the operators: {}", e.getMessage());
        }
    }
}
