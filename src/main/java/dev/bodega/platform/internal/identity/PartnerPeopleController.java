package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;

/**
 * A partner organization's people (seed 004): its admin invites and deactivates them from the portal
 * ({@code portal.users}); the company's staff do the same from the organization's page ({@code users.*}).
 */
@Controller
@Tag(name = "Partner users")
class PartnerPeopleController {

    /** The invitation form: an email and one partner role. */
    record PersonInvite(@NotBlank(message = "{users.email.required}") @Email(message = "{field.email.invalid}")
                        @Size(max = 254, message = "{field.too-long}") String email, String role) {
    }

    private final PartnerPeople people;
    private final Invitations invitations;
    private final UserAdmin admin;
    private final ProblemMessages problems;

    PartnerPeopleController(PartnerPeople people, Invitations invitations, UserAdmin admin, ProblemMessages problems) {
        this.people = people;
        this.invitations = invitations;
        this.admin = admin;
        this.problems = problems;
    }

    @GetMapping("/portal/users")
    @RequiresPermission("portal.users")
    String portal(Model model) {
        return page(model, ownOrganization(), true, new PersonInvite("", "partner_user"));
    }

    @PostMapping("/portal/users")
    @RequiresPermission("portal.users")
    String portalInvite(@Valid @ModelAttribute("form") PersonInvite form, BindingResult errors, Model model,
                        RedirectAttributes redirect) {
        return invite(ownOrganization(), form, errors, model, redirect, true);
    }

    @PostMapping("/portal/users/{id}/active")
    @RequiresPermission("portal.users")
    String portalActive(@PathVariable UUID id, @RequestParam boolean active, @RequestParam long version,
                        RedirectAttributes redirect) {
        return setActive(id, active, version, redirect, "/portal/users");
    }

    @GetMapping("/partners/{organizationId}/people")
    @RequiresPermission("users.read")
    String staff(@PathVariable UUID organizationId, Model model) {
        return page(model, organizationId, false, new PersonInvite("", "partner_admin"));
    }

    @PostMapping("/partners/{organizationId}/people")
    @RequiresPermission("users.write")
    String staffInvite(@PathVariable UUID organizationId, @Valid @ModelAttribute("form") PersonInvite form,
                       BindingResult errors, Model model, RedirectAttributes redirect) {
        return invite(organizationId, form, errors, model, redirect, false);
    }

    @PostMapping("/partners/{organizationId}/people/{id}/active")
    @RequiresPermission("users.write")
    String staffActive(@PathVariable UUID organizationId, @PathVariable UUID id, @RequestParam boolean active,
                       @RequestParam long version, RedirectAttributes redirect) {
        return setActive(id, active, version, redirect, "/partners/" + organizationId + "/people");
    }

    @GetMapping("/api/v1/portal/users")
    @RequiresPermission("portal.users")
    @ResponseBody
    @Transactional(readOnly = true)
    @Operation(summary = "The signed-in partner user's organization's people")
    List<PartnerPeople.Person> apiList() {
        return people.of(ownOrganization());
    }

    @PostMapping("/api/v1/portal/users")
    @RequiresPermission("portal.users")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a person into the signed-in partner user's organization (role partner_admin or partner_user)")
    Invitations.InvitationView apiInvite(@Valid @RequestBody PersonInvite invite) {
        return invitations.invite(new Invitations.Invite(invite.email(), List.of(people.roleId(invite.role())), null));
    }

    @GetMapping("/api/v1/organizations/{organizationId}/users")
    @RequiresPermission("users.read")
    @ResponseBody
    @Transactional(readOnly = true)
    @Operation(summary = "A partner organization's people")
    List<PartnerPeople.Person> apiStaffList(@PathVariable UUID organizationId) {
        return people.of(visible(organizationId));
    }

    private String invite(UUID organization, PersonInvite form, BindingResult errors, Model model,
                          RedirectAttributes redirect, boolean portal) {
        if (errors.hasErrors()) {
            return page(model, organization, portal, form);
        }
        try {
            invitations.invite(new Invitations.Invite(form.email(), List.of(people.roleId(form.role())), organization));
            redirect.addFlashAttribute("message", "people.invited");
            return "redirect:" + (portal ? "/portal/users" : "/partners/" + organization + "/people");
        } catch (ErrorResponseException e) {
            model.addAttribute("error", problems.refusal(e, "users"));
            return page(model, organization, portal, form);
        }
    }

    private String setActive(UUID id, boolean active, long version, RedirectAttributes redirect, String back) {
        try {
            admin.setActive(id, version, active);
            redirect.addFlashAttribute("message", active ? "users.reactivated" : "users.deactivated");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, "users"));
        }
        return "redirect:" + back;
    }

    private String page(Model model, UUID organization, boolean portal, PersonInvite form) {
        model.addAttribute("organizationName", name(visible(organization)));
        model.addAttribute("organizationId", organization);
        model.addAttribute("people", people.of(organization));
        model.addAttribute("portal", portal);
        model.addAttribute("form", form);
        return "platform/partner-people";
    }

    private UUID ownOrganization() {
        Actor actor = Actor.require();
        if (!actor.partner()) {
            throw new NotFoundException("Organization");
        }
        return actor.organizationId();
    }

    /** 404 for an organization of another company (or, for a partner, another partner). */
    private UUID visible(UUID organization) {
        name(organization);
        return organization;
    }

    private String name(UUID organization) {
        return people.organizationName(organization);
    }
}
