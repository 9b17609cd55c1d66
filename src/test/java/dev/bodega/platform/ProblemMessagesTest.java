package dev.bodega.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A problem's message is found by its type: a page's own wording first, then the type's, then a generic one. */
class ProblemMessagesTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private final StaticMessageSource bundles = new StaticMessageSource();
    private final ProblemMessages messages = new ProblemMessages(bundles);

    ProblemMessagesTest() {
        bundles.addMessage("problem.stale-version", SPANISH, "Otra persona cambió esto.");
        bundles.addMessage("roles.problem.stale-version", SPANISH, "Otra persona cambió este rol.");
        bundles.addMessage("problem.forbidden", Locale.ENGLISH, "You may not.");
        bundles.addMessage(ProblemMessages.OTHER, SPANISH, "No se pudo.");
        LocaleContextHolder.setLocale(SPANISH);
    }

    @AfterEach
    void forgetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aPageWordsATypeItsOwnWayElseTheTypesMessageIsShown() {
        ProblemDetail stale = Problems.staleVersion().getBody();
        assertThat(messages.key(stale, "roles")).isEqualTo("roles.problem.stale-version");
        assertThat(messages.key(stale, "users")).isEqualTo("problem.stale-version")
                .isEqualTo(PlatformProblem.STALE_VERSION.messageKey());
    }

    @Test
    void aProblemWithNoMessageOfItsOwnReadsAsTheGenericOne() {
        assertThat(messages.key(Problems.of(PlatformProblem.CONSTRAINT, "x").getBody(), "users"))
                .isEqualTo(ProblemMessages.OTHER);
        assertThat(messages.key(ProblemDetail.forStatus(HttpStatus.CONFLICT), "users")).isEqualTo(ProblemMessages.OTHER);
        ProblemDetail foreign = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        foreign.setType(URI.create("https://example.com/problems/stale-version"));
        assertThat(messages.key(foreign, "roles")).isEqualTo(ProblemMessages.OTHER);
    }

    @Test
    void messagesAreLookedUpInTheCurrentLanguage() {
        ProblemDetail forbidden = Problems.of(PlatformProblem.FORBIDDEN, "You need the permission 'x'").getBody();
        assertThat(messages.key(forbidden, "users")).isEqualTo(ProblemMessages.OTHER);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(messages.key(forbidden, "users")).isEqualTo("problem.forbidden");
    }

    @Test
    void aPageRethrowsANotFoundSoItAnswers404() {
        ErrorResponseException gone = new NotFoundException("Role");
        assertThatThrownBy(() -> messages.refusal(gone, "roles")).isSameAs(gone);
        assertThat(messages.refusal(Problems.staleVersion(), "roles")).isEqualTo("roles.problem.stale-version");
    }

    @Test
    void aRaisedProblemKeepsItsTypeStatusAndTitle() {
        ErrorResponseException problem = Problems.of(PlatformProblem.IF_MATCH_REQUIRED, "Send If-Match");
        assertThat(problem.getStatusCode().value()).isEqualTo(428);
        assertThat(problem.getBody().getType()).hasToString(Problems.TYPE_BASE + "if-match-required");
        assertThat(problem.getBody().getTitle()).isEqualTo("Precondition Required");
        assertThat(problem.getBody().getDetail()).isEqualTo("Send If-Match");
        assertThat(PlatformProblem.IF_MATCH_REQUIRED.is(problem)).isTrue();
        assertThat(PlatformProblem.STALE_VERSION.is(problem)).isFalse();
    }
}
