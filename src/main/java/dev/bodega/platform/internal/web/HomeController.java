package dev.bodega.platform.internal.web;

import dev.bodega.platform.Actor;
import dev.bodega.platform.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page every signed-in user lands on: the cards of what they work with (see {@code HomeSection}). */
@Controller
@SignedIn
class HomeController {

    private final HomePage home;

    HomeController(HomePage home) {
        this.home = home;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("home", home.view(Actor.require()));
        return "platform/dashboard";
    }
}
