package dev.bodega.support;

import dev.bodega.platform.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** A page that fails with an unexpected error, so tests can see what a signed-in user gets on a 500. */
@Controller
class FailingPage {

    @GetMapping("/test/failing-page")
    @RequiresPermission("inventory.read")
    String fail() {
        throw new IllegalStateException("a failure the page did not expect");
    }
}
