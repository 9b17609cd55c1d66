package dev.bodega.platform.internal.mail;

import dev.bodega.platform.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The company's latest mail and whether it went out. Its links are secrets (password reset, invitations), so only
 * whoever may manage users reads it.
 */
@Controller
@RequiresPermission("users.write")
class OutboxPageController {

    private final Outbox outbox;

    OutboxPageController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/mail-outbox")
    String list(Model model) {
        model.addAttribute("mails", outbox.latest(100));
        return "platform/mail-outbox";
    }
}
