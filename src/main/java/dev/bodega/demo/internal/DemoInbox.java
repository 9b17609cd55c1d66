package dev.bodega.demo.internal;

import dev.bodega.messaging.AssistantSetup;
import dev.bodega.messaging.MessagingSetup;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Seed 002's inbox for the demo company: a web chat on the shop's site (try it from the inbox settings), a WhatsApp
 * number that works offline (write to it from the simulator page; replies come back delivered and read), canned
 * answers and an auto-reply, tags, agents in the round robin, and conversations in every state, two of them with
 * demo customers (matched by email, so the side panel shows their purchases); and the built-in assistant on the web
 * chat, so new visitors get answers from the catalog and stock on a laptop with no network.
 */
@Component
class DemoInbox {

    private final MessagingSetup inbox;
    private final AssistantSetup assistants;
    private final DemoScope scope;

    DemoInbox(MessagingSetup inbox, AssistantSetup assistants, DemoScope scope) {
        this.inbox = inbox;
        this.assistants = assistants;
        this.scope = scope;
    }

    void seed(UUID tenantId, DemoUsers users) {
        scope.run(tenantId, users.admin(), () -> {
            UUID web = inbox.createWebChat("Tienda web", "¡Hola! ¿En qué le podemos ayudar?");
            inbox.createOfflineWhatsApp("WhatsApp de la tienda", "+57 601 555 0100");
            inbox.addAgent(users.admin(), 10);
            if (users.seller() != null) {
                inbox.addAgent(users.seller(), 5);
            }
            UUID urgent = inbox.createTag("Urgente", "#DC2626");
            UUID quote = inbox.createTag("Cotización", "#3B82F6");
            inbox.createTemplate("Horario", "horario", "Abrimos de lunes a viernes de 8:00 a 18:00 y los sábados de 8:00 a 13:00.",
                    List.of("horario", "abren", "cierran"));
            inbox.createTemplate("Envíos", "envios", "Hacemos envíos en Bogotá y alrededores; llegan en 24 a 48 horas.", List.of());
            inbox.createTemplate("Gracias", "gracias", "¡Gracias por escribirnos! Quedamos atentos.", List.of());
            inbox.configure(false, null, "¿Cómo calificaría nuestra atención, de 1 a 5?");

            Instant now = Instant.now();
            UUID carlos = inbox.visitorWrites(web, "demo-visitor-carlos-000001", "Carlos Ramírez",
                    "carlos.ramirez@correo.example", "Buenas, ¿tienen taladros percutores en stock?", now.minus(Duration.ofMinutes(40)));
            inbox.assign(carlos, users.sellerOrAdmin());
            inbox.tag(carlos, quote);
            inbox.reply(carlos, "Hola Carlos, sí: tenemos dos modelos. ¿Para qué trabajo lo necesita?", false);
            inbox.visitorWrites(web, "demo-visitor-carlos-000001", null, null, "Para concreto, uso diario.", now.minus(Duration.ofMinutes(5)));

            UUID luz = inbox.visitorWrites(web, "demo-visitor-luz-00000002", "Luz Marina Gómez",
                    "luz.gomez@correo.example", "¿A qué hora abren el sábado?", now.minus(Duration.ofHours(3)));
            inbox.changeStatus(luz, "resolved");
            inbox.visitorWrites(web, "demo-visitor-luz-00000002", null, null, "5", now.minus(Duration.ofHours(2)));

            UUID pending = inbox.visitorWrites(web, "demo-visitor-obra-0000003", "Obra Calle 80", null,
                    "Necesito cotización de 40 bultos de cemento con entrega.", now.minus(Duration.ofHours(20)));
            inbox.assign(pending, users.admin());
            inbox.tag(pending, urgent);
            inbox.reply(pending, "Pedimos precio al proveedor y le confirmamos mañana.", false);
            inbox.reply(pending, "Llamar a Cementos del Valle antes de las 10.", true);
            inbox.changeStatus(pending, "pending");
            inbox.schedule(pending, "Buenos días: ya tenemos su cotización, ¿se la enviamos por correo?", now.plus(Duration.ofHours(16)));

            UUID closed = inbox.visitorWrites(web, "demo-visitor-closed-00004", "Visitante", null,
                    "¿Venden pintura epóxica?", now.minus(Duration.ofDays(2)));
            inbox.reply(closed, "Sí, en galón y cuarto de galón.", false);
            inbox.changeStatus(closed, "closed");

            UUID snoozed = inbox.visitorWrites(web, "demo-visitor-snooze-00005", "Pedro", null,
                    "Vuelvo a escribir la semana que viene por las tejas.", now.minus(Duration.ofDays(1)));
            inbox.snooze(snoozed, now.plus(Duration.ofDays(3)));

            inbox.visitorWrites(web, "demo-visitor-new-000000006", "Ana", null, "Hola, ¿hacen envíos a Chía?", now.minus(Duration.ofMinutes(2)));
            // Last, so the conversations above stay as they are; new visitors get answers with no model or network.
            assistants.createBuiltIn(web, "Asistente de la tienda", null);
        });
    }
}
