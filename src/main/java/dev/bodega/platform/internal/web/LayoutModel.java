package dev.bodega.platform.internal.web;

import dev.bodega.platform.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: who is signed in and what they may open. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    @ModelAttribute("actor")
    Actor actor() {
        return Actor.current().orElse(null);
    }
}
