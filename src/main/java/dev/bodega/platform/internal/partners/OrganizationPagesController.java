package dev.bodega.platform.internal.partners;

import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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

import java.util.UUID;

/** The partner pages: the list with the tree and a creation form, and one organization with its children. */
@Controller
class OrganizationPagesController {

    private static final String AREA = "partners";

    private final PartnerOrganizations organizations;
    private final Validator validator;
    private final ProblemMessages problems;

    OrganizationPagesController(PartnerOrganizations organizations, Validator validator, ProblemMessages problems) {
        this.organizations = organizations;
        this.validator = validator;
        this.problems = problems;
    }

    @GetMapping("/partners")
    @RequiresPermission("partners.read")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                PageQuery<UUID> page, Model model) {
        model.addAttribute("organizationForm", new OrganizationForm());
        return listPage(model, q, type, page);
    }

    @PostMapping("/partners")
    @RequiresPermission("partners.write")
    String create(@ModelAttribute("organizationForm") OrganizationForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        PartnerOrganizations.OrganizationRequest request = form.toRequest();
        validate(request, errors);
        if (!errors.hasErrors()) {
            try {
                PartnerOrganizations.OrganizationView created = organizations.create(request);
                redirect.addFlashAttribute("message", "partners.created");
                return "redirect:/partners/" + created.id();
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        return listPage(model, null, null, PageQuery.first());
    }

    @GetMapping("/partners/{id}")
    @RequiresPermission("partners.read")
    String detail(@PathVariable UUID id, Model model) {
        PartnerOrganizations.OrganizationView organization = organizations.get(id);
        model.addAttribute("organizationForm", OrganizationForm.of(organization));
        model.addAttribute("version", organization.version());
        return detailPage(model, organization);
    }

    @PostMapping("/partners/{id}")
    @RequiresPermission("partners.write")
    String update(@PathVariable UUID id, @ModelAttribute("organizationForm") OrganizationForm form, BindingResult errors,
                  @RequestParam long version, Model model) {
        PartnerOrganizations.OrganizationView organization = organizations.get(id);
        PartnerOrganizations.OrganizationRequest request = form.toRequest();
        validate(request, errors);
        if (!errors.hasErrors()) {
            try {
                organizations.update(id, version, request);
                return "redirect:/partners/" + id + "?saved";
            } catch (ErrorResponseException e) {
                reject(e, errors);
            }
        }
        model.addAttribute("version", version);
        return detailPage(model, organization);
    }

    @PostMapping("/partners/{id}/delete")
    @RequiresPermission("partners.write")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            organizations.delete(id);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("refusal", problems.refusal(e, AREA));
            return "redirect:/partners/" + id;
        }
        redirect.addFlashAttribute("message", "partners.deleted");
        return "redirect:/partners";
    }

    private String listPage(Model model, String q, String type, PageQuery<UUID> page) {
        model.addAttribute("page", organizations.list(q, type, page.cursor(), page.limit()));
        model.addAttribute("tree", organizations.hierarchy());
        model.addAttribute("parents", organizations.all());
        model.addAttribute("types", PartnerOrganizations.TYPES);
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        return "platform/partners";
    }

    private String detailPage(Model model, PartnerOrganizations.OrganizationView organization) {
        model.addAttribute("organization", organization);
        model.addAttribute("children", organizations.children(organization.id()));
        model.addAttribute("parents", organizations.all().stream().filter(o -> !o.id().equals(organization.id())).toList());
        model.addAttribute("types", PartnerOrganizations.TYPES);
        return "platform/partner";
    }

    /** The API's Bean Validation rules, each on its field. */
    private void validate(PartnerOrganizations.OrganizationRequest request, BindingResult errors) {
        for (ConstraintViolation<PartnerOrganizations.OrganizationRequest> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().iterator().next().getName();
            if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "partners.form.invalid", violation.getMessage());
            }
        }
    }

    /** A taken name belongs to the name field, a parent refusal to the parent; anything else to the whole form. */
    private void reject(ErrorResponseException e, BindingResult errors) {
        String key = problems.refusal(e, AREA);
        if (PartnerProblem.NAME_TAKEN.is(e)) {
            errors.rejectValue("name", key);
        } else if (PartnerProblem.SUPPLIER_NEEDS_PARENT.is(e) || PartnerProblem.UNKNOWN_PARENT.is(e)
                || PartnerProblem.PARENT_CYCLE.is(e)) {
            errors.rejectValue("parentId", key);
        } else {
            errors.reject(key);
        }
    }
}
