package dev.bodega.messaging.internal.assistants;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in assistant's intent rules, in Spanish and English. */
class PhrasesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "¿Tienen taladros percutores en stock?|STOCK|taladros percutores|es",
            "¿Cuánto cuesta el martillo de carpintero?|PRICE|martillo carpintero|es",
            "¿Dónde está mi pedido?|ORDER|''|es",
            "¿A qué hora abren el sábado?|HOURS|''|es",
            "Quiero hablar con una persona|PERSON|''|es",
            "Do you have brake pads in stock?|STOCK|brake pads|en",
            "How much is the impact drill?|PRICE|impact drill|en",
            "Can I talk to a human, please?|PERSON|''|en",
            "Buenas tardes|GREETING|''|es",
            "Necesito una factura electrónica con otro NIT|ORDER|''|es",
            "Mi perro se comió el cable|OTHER|''|es"})
    void anIntentIsReadInEitherLanguage(String text, Phrases.Intent intent, String subject, String language) {
        assertThat(Phrases.intent(text)).isEqualTo(intent);
        if (intent == Phrases.Intent.STOCK || intent == Phrases.Intent.PRICE) {
            assertThat(Phrases.subject(text)).isEqualTo(subject);
        }
        assertThat(Phrases.language(text).getLanguage()).isEqualTo(language);
    }
}
