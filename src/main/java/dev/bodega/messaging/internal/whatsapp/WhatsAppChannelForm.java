package dev.bodega.messaging.internal.whatsapp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The setup page's form for a new channel. */
record WhatsAppChannelForm(@NotBlank @Size(max = 255) String name,
                           @NotBlank @Pattern(regexp = "\\s*\\d{1,40}\\s*") String phoneNumberId,
                           @Size(max = 40) String displayPhoneNumber,
                           @NotBlank @Size(max = 1000) String accessToken,
                           @NotBlank @Size(max = 255) String appSecret,
                           @Pattern(regexp = "|.{8,255}") String verifyToken) {

    static WhatsAppChannelForm empty() {
        return new WhatsAppChannelForm("", "", "", "", "", "");
    }

    WhatsAppChannels.NewChannel toNew() {
        return new WhatsAppChannels.NewChannel(name, phoneNumberId, displayPhoneNumber, accessToken, appSecret,
                verifyToken);
    }
}
