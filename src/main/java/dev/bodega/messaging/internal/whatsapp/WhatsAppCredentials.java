package dev.bodega.messaging.internal.whatsapp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WhatsApp channel's secrets, kept encrypted in {@code integrations.credentials}: the access token the Graph API
 * wants, the Meta app's secret that signs webhooks, and the verify token of the webhook handshake.
 */
record WhatsAppCredentials(String accessToken, String appSecret, String verifyToken) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String json() {
        return JSON.createObjectNode().put("accessToken", accessToken).put("appSecret", appSecret)
                .put("verifyToken", verifyToken).toString();
    }

    static WhatsAppCredentials fromJson(String json) {
        JsonNode node = JSON.readTree(json);
        return new WhatsAppCredentials(node.path("accessToken").asString(""), node.path("appSecret").asString(""),
                node.path("verifyToken").asString(""));
    }

    @Override
    public String toString() {
        return "WhatsAppCredentials[secrets hidden]";
    }
}
