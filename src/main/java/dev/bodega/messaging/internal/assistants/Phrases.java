package dev.bodega.messaging.internal.assistants;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a contact's message asks, by intent rules in Spanish and English (text folded: lower case, no accents), and
 * which of the two languages it is written in. Used by the built-in assistant, and by every assistant for a contact
 * asking for a person.
 */
final class Phrases {

    enum Intent { PERSON, ORDER, HOURS, PRICE, STOCK, GREETING, OTHER }

    /**
     * The order a message names: its number, of the kind its prefix says (PED- a customer order, SOL- a transfer
     * request; a bare number any kind), as written.
     */
    record Reference(ShopQueries.Kind kind, long number, String written) {
    }

    private static final Pattern PERSON = Pattern.compile(
            "\\b(hablar|comunicar(me)?|pasa(me|r)?|paseme|atienda|quiero)\\b.*\\b(persona|humano|agente|asesor|vendedor|alguien)\\b"
            + "|\\b(talk|speak|chat|connect)\\b.*\\b(human|person|agent|representative|someone|somebody)\\b"
            + "|\\b(persona real|real person|un humano|a human)\\b");
    private static final Pattern ORDER = Pattern.compile("\\b(pedidos?|ordene?s?|mi compra|factura|orders?|my purchase"
            + "|invoice|delivery|traslados?|solicitud|transfers?|shipments?|(ped|sol)-?\\d+)\\b");
    private static final Pattern REFERENCE = Pattern.compile("\\b(ped|sol)?[-\\s#]*0*(\\d{1,15})\\b");
    private static final Pattern HOURS = Pattern.compile(
            "\\b(horarios?|abren|abiertos?|cierran|a que hora|donde (estan|quedan|queda)|direccion|ubicacion|sucursal(es)?"
            + "|hours|open|close|opening|where are you|address|location|stores)\\b");
    private static final Pattern PRICE = Pattern.compile("\\b(cuanto (cuesta|cuestan|vale|valen|sale|salen)|precios?|prices?|how much|cost)\\b");
    private static final Pattern STOCK = Pattern.compile(
            "\\b(tienen|tienes|tiene|hay|venden|vende|manejan|disponibles?|stock|existencias?|do you (have|sell|carry)"
            + "|have you got|in stock|available|any)\\b");
    private static final Pattern GREETING = Pattern.compile("^(hola|buenas|buenos dias|buenas tardes|buenas noches|hi|hello|hey|good (morning|afternoon|evening))\\b.*");
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(do|you|have|how|much|the|what|where|when|is|are|my|order|price|hours|hello|hi|please|thanks|stock|can|i)\\b");
    private static final Pattern SPANISH = Pattern.compile(
            "\\b(tienen|cuanto|cuesta|el|la|los|las|de|que|donde|mi|pedido|precio|horario|hola|gracias|por|favor|hay|en|un|una|es)\\b");
    /** Words that ask rather than name what is asked for. */
    private static final Pattern NOT_ITEM = Pattern.compile(
            "\\b(hola|buenas|buenos|dias|tardes|por|favor|gracias|tienen|tienes|tiene|hay|venden|vende|manejan|disponibles?"
            + "|stock|existencias?|en|de|del|la|el|los|las|un|una|unos|unas|cuanto|cuesta|cuestan|vale|valen|sale|salen"
            + "|precios?|que|me|puede|pueden|decir|saber|quisiera|quiero|necesito|busco|y|o|para|algun|alguna|ustedes"
            + "|do|you|have|sell|carry|got|any|in|how|much|is|are|does|the|a|an|of|for|price|prices|cost|costs|please"
            + "|hi|hello|i|need|want|looking|some|what|your|available|tienda|store|thanks|it|its|them|this|that|these"
            + "|those|there|tell|can|could|would|like|about|lo|la|le|los|las|esto|eso|ese|esa)\\b");

    private Phrases() {
    }

    static String fold(String text) {
        return ShopQueries.fold(text == null ? "" : text).replaceAll("[¿?¡!.,;:\"']", " ").replaceAll("\\s+", " ").strip();
    }

    static boolean asksForPerson(String text) {
        return PERSON.matcher(fold(text)).find();
    }

    static Intent intent(String text) {
        String t = fold(text);
        if (PERSON.matcher(t).find()) {
            return Intent.PERSON;
        }
        if (ORDER.matcher(t).find()) {
            return Intent.ORDER;
        }
        if (PRICE.matcher(t).find()) {
            return Intent.PRICE;
        }
        if (STOCK.matcher(t).find()) {
            return Intent.STOCK;
        }
        if (HOURS.matcher(t).find()) {
            return Intent.HOURS;
        }
        return GREETING.matcher(t).matches() ? Intent.GREETING : Intent.OTHER;
    }

    /** The order the message names by its number, if it names one. */
    static Optional<Reference> reference(String text) {
        Matcher m = REFERENCE.matcher(fold(text));
        if (!m.find()) {
            return Optional.empty();
        }
        ShopQueries.Kind kind = m.group(1) == null ? null
                : m.group(1).equals("ped") ? ShopQueries.Kind.CUSTOMER_ORDER : ShopQueries.Kind.TRANSFER;
        return Optional.of(new Reference(kind, Long.parseLong(m.group(2)), m.group().strip().toUpperCase(Locale.ROOT)));
    }

    /** What the contact asks about: the message without the words that ask ("¿tienen taladros?" → "taladros"). */
    static String subject(String text) {
        return NOT_ITEM.matcher(fold(text)).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    /** English when more of its words are English than Spanish; Spanish otherwise (the shops' default). */
    static Locale language(String text) {
        String t = fold(text);
        return count(ENGLISH, t) > count(SPANISH, t) ? Locale.ENGLISH : Locale.forLanguageTag("es");
    }

    private static long count(Pattern words, String text) {
        return words.matcher(text).results().count();
    }
}
