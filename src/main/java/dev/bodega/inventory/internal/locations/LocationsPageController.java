package dev.bodega.inventory.internal.locations;

import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;

/** The locations pages: the list with its creation form, and one location with its assigned users. */
@Controller
public class LocationsPageController {

    /** The locations pages' own words for a problem are {@code inventory.location.problem.<slug>}. */
    private static final String AREA = "inventory.location";

    private final Locations locations;
    private final ProblemMessages problems;

    LocationsPageController(Locations locations, ProblemMessages problems) {
        this.locations = locations;
        this.problems = problems;
    }

    @GetMapping("/inventory/locations")
    @RequiresPermission("inventory.read")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                PageQuery<UUID> page, Model model) {
        model.addAttribute("form", new Locations.LocationInput("", "warehouse", "", "", true, null));
        return listPage(model, q, status, page);
    }

    @PostMapping("/inventory/locations")
    @RequiresPermission("inventory.manage")
    String create(@Valid @ModelAttribute("form") Locations.LocationInput form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/inventory/locations/" + locations.create(form).id() + "?created";
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        return listPage(model, null, null, PageQuery.first());
    }

    @GetMapping("/inventory/locations/{id}")
    @RequiresPermission("inventory.read")
    String detail(@PathVariable UUID id, Model model) {
        Locations.LocationView location = locations.get(id);
        model.addAttribute("form", new Locations.LocationInput(location.name(), location.kind(), location.address(),
                location.phone(), location.active(), location.organizationId()));
        model.addAttribute("version", location.version());
        return detailPage(model, location, assignedIds(id));
    }

    @PostMapping("/inventory/locations/{id}")
    @RequiresPermission("inventory.manage")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") Locations.LocationInput form,
                  BindingResult errors, @RequestParam long version, Model model) {
        Locations.LocationView location = locations.get(id);
        if (!errors.hasErrors()) {
            try {
                locations.update(id, version, form);
                return "redirect:/inventory/locations/" + id + "?saved";
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        model.addAttribute("version", version);
        return detailPage(model, location, assignedIds(id));
    }

    @PostMapping("/inventory/locations/{id}/users")
    @RequiresPermission("inventory.manage")
    String setUsers(@PathVariable UUID id, @RequestParam(required = false) List<UUID> userIds, Model model) {
        List<UUID> wanted = userIds == null ? List.of() : userIds;
        try {
            locations.setUsers(id, wanted);
            return "redirect:/inventory/locations/" + id + "?usersSaved";
        } catch (ErrorResponseException e) {
            Locations.LocationView location = locations.get(id);
            model.addAttribute("usersError", message(e));
            model.addAttribute("form", new Locations.LocationInput(location.name(), location.kind(), location.address(),
                    location.phone(), location.active(), location.organizationId()));
            model.addAttribute("version", location.version());
            return detailPage(model, location, wanted);
        }
    }

    @PostMapping("/inventory/locations/{id}/deactivate")
    @RequiresPermission("inventory.manage")
    String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            locations.deactivate(id);
            redirect.addFlashAttribute("message", "inventory.location.deactivated");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/inventory/locations/" + id;
    }

    private String listPage(Model model, String q, String status, PageQuery<UUID> page) {
        Boolean active = "active".equals(status) ? Boolean.TRUE : "inactive".equals(status) ? Boolean.FALSE : null;
        model.addAttribute("page", locations.list(new Locations.Filter(q, active, null), page.cursor(), page.limit()));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("kinds", Locations.KINDS);
        model.addAttribute("organizations", locations.organizations());
        return "inventory/locations";
    }

    private String detailPage(Model model, Locations.LocationView location, List<UUID> assigned) {
        model.addAttribute("location", location);
        model.addAttribute("kinds", Locations.KINDS);
        model.addAttribute("organizations", locations.organizations());
        model.addAttribute("users", locations.assignableUsers());
        model.addAttribute("assigned", assigned);
        return "inventory/location";
    }

    private List<UUID> assignedIds(UUID id) {
        return locations.users(id).stream().map(Locations.UserRef::id).toList();
    }

    /** A taken name belongs to the name field; any other refusal is a message for the whole form. */
    private void reject(ErrorResponseException e, BindingResult errors) {
        String key = message(e);
        if (InventoryProblem.LOCATION_NAME_TAKEN.is(e)) {
            errors.rejectValue("name", key);
        } else {
            errors.reject(key);
        }
    }

    private String message(ErrorResponseException e) {
        return problems.refusal(e, AREA);
    }
}
