package dev.bodega.platform.internal.web;

import dev.bodega.platform.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard every signed-in user lands on. */
@Controller
@SignedIn
class HomeController {

    @GetMapping("/")
    String dashboard() {
        return "platform/dashboard";
    }
}
