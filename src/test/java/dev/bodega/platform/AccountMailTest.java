package dev.bodega.platform;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.bodega.platform.internal.mail.OutboxDelivery;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestClock;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account lifecycle by email (seed 004) through GreenMail, a real SMTP server: the outbox is sent with a mail
 * sender pointed at it, and the links in the mail that arrives are followed.
 */
@BodegaTest
class AccountMailTest {

    private static final String PASSWORD = "invited-password-1";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired OutboxDelivery delivery;
    @Autowired TestClock clock;
    @Autowired MessageSource messages;

    record Mail(String subject, String text, String html) {
        String link(String path) {
            Matcher m = Pattern.compile("https?://[^/\\s]+(" + path + "/[0-9a-f]{64})").matcher(text);
            assertThat(m.find()).as(text).isTrue();
            return m.group(1);
        }
    }

    /** Sends the tenant's outbox to GreenMail and returns what reached {@code to}. */
    private List<Mail> deliver(TestFixtures.Tenant tenant, String to) throws Exception {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> delivery.sendDue(sender));
        List<Mail> mails = new ArrayList<>();
        for (Message message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to))) {
                mails.add(new Mail(message.getSubject(), part(message, "text/plain"), part(message, "text/html")));
            }
        }
        return mails;
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A page's CSRF token changes with every page; nothing else may differ. */
    private static String withoutCsrf(String body) {
        return body.replaceAll("(name=\"(csrf-token|_csrf)\"[^>]*?(content|value)=\")[^\"]+", "$1")
                .replaceAll("((content|value)=\")[^\"]+(\"[^>]*name=\"(csrf-token|_csrf)\")", "$1$3");
    }

    private String es(String key, Object... args) {
        return messages.getMessage(key, args, Locale.forLanguageTag("es"));
    }

    @Test
    void anInvitationArrivesItsLinkWorksOnceAndExpires() throws Exception {
        var tenant = fixtures.tenant();
        String email = "invited@" + tenant.slug() + ".test";
        var invited = api.post(tenant.adminKey(), "/api/v1/invitations",
                Map.of("email", email, "roleIds", List.of(tenant.roles().get("viewer"))));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String userId = invited.json().get("userId").asString();
        assertThat(api.get(tenant.adminKey(), "/api/v1/users/" + userId).json().get("status").asString())
                .isEqualTo("pending_invitation");
        assertThat(api.get(tenant.adminKey(), "/api/v1/invitations").json().get("items"))
                .extracting(n -> n.get("userId").asString()).containsExactly(userId);
        assertThat(api.post(tenant.adminKey(), "/api/v1/invitations", Map.of("email", email)).status())
                .as("the address is taken").isEqualTo(409);

        var admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(admin.get("/mail-outbox").body()).contains(email).contains(es("mail.outbox.kept"));
        assertThat(admin.get("/users/invitations").body()).contains(email);

        List<Mail> mails = deliver(tenant, email);
        assertThat(mails).hasSize(1);
        assertThat(admin.get("/mail-outbox").body()).doesNotContain(es("mail.outbox.kept"));
        Mail mail = mails.get(0);
        assertThat(mail.subject()).isEqualTo(es("mail.invitation.subject", "Company " + tenant.slug()));
        assertThat(mail.html()).contains("<a href=").contains(mail.link("/invitations"));
        assertThat(new WebSession(api.baseUrl()).login(tenant.slug(), email, PASSWORD).status())
                .as("no sign-in before accepting").isEqualTo(200);

        String link = mail.link("/invitations");
        var browser = new WebSession(api.baseUrl());
        assertThat(browser.get(link).body()).contains(email);
        var accepted = browser.post(link, Map.of("name", "Invited Person", "password", PASSWORD));
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(accepted.location()).contains("/login?invitationAccepted");
        WebSession.signedIn(api.baseUrl(), tenant.slug(), email, PASSWORD);
        var user = api.get(tenant.adminKey(), "/api/v1/users/" + userId).json();
        assertThat(user.get("name").asString()).isEqualTo("Invited Person");
        assertThat(user.get("status").asString()).isEqualTo("active");
        assertThat(browser.get(link).status()).as("the link works once").isEqualTo(404);
        assertThat(browser.post(link, Map.of("name", "Again", "password", "another-password-1")).status())
                .isEqualTo(404);
        assertThat(api.get(tenant.adminKey(), "/api/v1/invitations").json().get("items")).isEmpty();

        String late = "late@" + tenant.slug() + ".test";
        admin.get("/users/invitations");
        assertThat(admin.post("/users/invitations", Map.of("email", late)).location()).contains("invited");
        String lateLink = deliver(tenant, late).get(0).link("/invitations");
        clock.advance(Duration.ofHours(73));
        try {
            assertThat(new WebSession(api.baseUrl()).get(lateLink).status()).as("expired").isEqualTo(404);
        } finally {
            clock.reset();
        }
        String lateId = api.get(tenant.adminKey(), "/api/v1/invitations").json().get("items").get(0)
                .get("userId").asString();
        assertThat(api.post(tenant.adminKey(), "/api/v1/invitations/" + lateId + "/resend", Map.of()).status())
                .isEqualTo(200);
        List<Mail> lateMails = deliver(tenant, late);
        assertThat(lateMails).hasSize(2);
        assertThat(new WebSession(api.baseUrl()).get(lateMails.get(1).link("/invitations")).status()).isEqualTo(200);
    }

    @Test
    void aPasswordResetNeverRevealsWhetherTheAddressExists() throws Exception {
        var tenant = fixtures.tenant();
        String known = "known@" + tenant.slug() + ".test";
        String unknown = "nobody@" + tenant.slug() + ".test";
        fixtures.user(tenant, known, "seller");
        var session = new WebSession(api.baseUrl());
        session.get("/password-reset");
        var forKnown = session.post("/password-reset", Map.of("company", tenant.slug(), "email", known));
        var forUnknown = session.post("/password-reset", Map.of("company", tenant.slug(), "email", unknown));
        assertThat(forKnown.status()).isEqualTo(200).isEqualTo(forUnknown.status());
        assertThat(forKnown.body()).contains(es("passwordReset.requested"));
        assertThat(withoutCsrf(forUnknown.body())).isEqualTo(withoutCsrf(forKnown.body()));
        var apiKnown = api.post(null, "/api/v1/password-reset", Map.of("company", tenant.slug(), "email", known));
        var apiUnknown = api.post(null, "/api/v1/password-reset", Map.of("company", "no-such-company", "email", known));
        assertThat(apiKnown.status()).isEqualTo(202).isEqualTo(apiUnknown.status());
        assertThat(apiKnown.body()).isEqualTo(apiUnknown.body());

        assertThat(deliver(tenant, unknown)).isEmpty();
        List<Mail> mails = deliver(tenant, known);
        assertThat(mails).hasSize(2);
        assertThat(new WebSession(api.baseUrl()).get(mails.get(0).link("/password-reset")).status())
                .as("a newer link replaces the older").isEqualTo(404);
        String link = mails.get(1).link("/password-reset");
        var browser = new WebSession(api.baseUrl());
        assertThat(browser.get(link).status()).isEqualTo(200);
        assertThat(browser.post(link, Map.of("password", "short")).body()).contains(es("field.password.length"));
        var reset = browser.post(link, Map.of("password", "brand-new-password-1"));
        assertThat(reset.location()).contains("/login?passwordReset");
        WebSession.signedIn(api.baseUrl(), tenant.slug(), known, "brand-new-password-1");
        assertThat(new WebSession(api.baseUrl()).login(tenant.slug(), known, TestFixtures.PASSWORD).status())
                .as("the old password no longer works").isEqualTo(200);
        assertThat(browser.get(link).status()).as("the link works once").isEqualTo(404);
    }

    @Test
    void aNewAddressTakesEffectOnlyOnceVerified() throws Exception {
        var tenant = fixtures.tenant();
        String old = "old@" + tenant.slug() + ".test";
        String fresh = "fresh@" + tenant.slug() + ".test";
        fixtures.user(tenant, old, "seller");
        var session = WebSession.signedIn(api.baseUrl(), tenant.slug(), old, TestFixtures.PASSWORD);
        assertThat(session.api("POST", "/api/v1/me/email", "{\"email\":\"" + tenant.adminEmail() + "\"}").status())
                .as("another user's address").isEqualTo(409);
        assertThat(session.api("POST", "/api/v1/me/email", "{\"email\":\"" + fresh + "\"}").status()).isEqualTo(202);
        assertThat(session.api("GET", "/api/v1/me", null).json().get("email").asString()).isEqualTo(old);
        assertThat(session.get("/profile/email").body()).contains(es("emailChange.pending", fresh));
        assertThat(new WebSession(api.baseUrl()).login(tenant.slug(), fresh, TestFixtures.PASSWORD).status())
                .as("not yet the sign-in address").isEqualTo(200);

        assertThat(deliver(tenant, old)).isEmpty();
        String link = deliver(tenant, fresh).get(0).link("/email-verification");
        assertThat(new WebSession(api.baseUrl()).get(link).body()).contains(es("emailVerification.done", fresh));
        WebSession.signedIn(api.baseUrl(), tenant.slug(), fresh, TestFixtures.PASSWORD);
        assertThat(new WebSession(api.baseUrl()).get(link).status()).as("the link works once").isEqualTo(404);
    }
}
