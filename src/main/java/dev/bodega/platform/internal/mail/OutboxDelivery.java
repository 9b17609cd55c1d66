package dev.bodega.platform.internal.mail;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.bodega.platform.TenantContext;
import jakarta.mail.MessagingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Sends the outbox through SMTP when one is configured (spring.mail.host); otherwise mail stays in the outbox.
 * A failed message is tried again later, backing off, at most ten times.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxDelivery {

    record Pending(UUID id, String recipient, String subject, String bodyText, String bodyHtml, int attempts) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String from;
    private final boolean smtpConfigured;

    OutboxDelivery(JdbcClient jdbc, TransactionTemplate transactions, @Value("${bodega.mail.from}") String from,
                   @Value("${spring.mail.host:}") String smtpHost) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.from = from;
        this.smtpConfigured = !smtpHost.isBlank();
    }

    @Bean
    RecurringTask<Void> mailOutboxTask(ObjectProvider<JavaMailSender> sender) {
        return Tasks.recurring("mail-outbox", FixedDelay.of(Duration.ofSeconds(30)))
                .execute((instance, context) -> {
                    if (smtpConfigured) {
                        sender.ifAvailable(this::sendAllTenants);
                    }
                });
    }

    void sendAllTenants(JavaMailSender sender) {
        List<UUID> tenants = transactions.execute(tx -> jdbc.sql("SELECT mail_outbox_tenants_due()")
                .query(UUID.class).list());
        for (UUID tenant : tenants) {
            TenantContext.runAs(new TenantContext.Scope(tenant, null, null, null), () -> sendDue(sender));
        }
    }

    /** Sends the current tenant's due mail; returns how many went out. */
    public int sendDue(JavaMailSender sender) {
        return transactions.execute(tx -> {
            int sent = 0;
            for (Pending mail : due()) {
                sent += deliver(sender, mail) ? 1 : 0;
            }
            return sent;
        });
    }

    private List<Pending> due() {
        return jdbc.sql("""
                        SELECT id, recipient, subject, body_text, body_html, attempts FROM mail_outbox
                        WHERE tenant_id = :tenant AND sent_at IS NULL AND next_attempt_at <= now() AND attempts < 10
                        ORDER BY created_at LIMIT 50 FOR UPDATE SKIP LOCKED""")
                .param("tenant", TenantContext.tenantId())
                .query(Pending.class).list();
    }

    private boolean deliver(JavaMailSender sender, Pending mail) {
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            helper.setText(mail.bodyText(), mail.bodyHtml());
            sender.send(message);
            jdbc.sql("""
                            UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL
                            WHERE tenant_id = :tenant AND id = :id""")
                    .param("tenant", TenantContext.tenantId())
                    .param("id", mail.id()).update();
            return true;
        } catch (MessagingException | MailException e) {
            jdbc.sql("""
                            UPDATE mail_outbox SET attempts = attempts + 1, last_error = :error,
                                   next_attempt_at = now() + make_interval(mins => power(2, attempts)::int)
                            WHERE tenant_id = :tenant AND id = :id""")
                    .param("tenant", TenantContext.tenantId())
                    .param("error", String.valueOf(e.getMessage())).param("id", mail.id()).update();
            return false;
        }
    }
}
