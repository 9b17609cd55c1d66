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

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "¿Dónde está mi pedido PED-000123?|CUSTOMER_ORDER|123|PED-000123",
            "Where is my order SOL-12?|TRANSFER|12|SOL-12",
            "Mi pedido 45 no llega|null|45|45",
            "My order #7, please|null|7|#7"})
    void anOrderIsNamedByItsNumberAndItsPrefixSaysItsKind(String text, ShopQueries.Kind kind, long number,
                                                          String written) {
        assertThat(Phrases.intent(text)).isEqualTo(Phrases.Intent.ORDER);
        assertThat(Phrases.reference(text)).contains(new Phrases.Reference(kind, number, written));
        assertThat(Phrases.reference("¿Dónde está mi pedido?")).isEmpty();
    }
}
