package dev.bodega.service.internal;

import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.service.internal.ServiceForms.ClaimForm;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;
import java.util.function.Supplier;

/** The warranty pages: claims (list, new with a photo, one claim with its review, replacement and photos). */
@Controller
class WarrantyPageController {

    private static final String AREA = TechnicianPageController.AREA;

    private final WarrantyClaims claims;
    private final ClaimPhotos photos;
    private final ServiceLookups lookups;
    private final ServiceForms forms;
    private final ProblemMessages problems;

    WarrantyPageController(WarrantyClaims claims, ClaimPhotos photos, ServiceLookups lookups, ServiceForms forms,
                         ProblemMessages problems) {
        this.claims = claims;
        this.photos = photos;
        this.lookups = lookups;
        this.forms = forms;
        this.problems = problems;
    }

    @GetMapping("/service/claims")
    @RequiresPermission("guarantees.view")
    String list(@RequestParam(required = false) String status, PageQuery<UUID> page, Model model) {
        String wanted = ClaimStatus.codes().contains(status) ? status : null;
        model.addAttribute("page", claims.list(wanted, page.cursor(), page.limit()));
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", ClaimStatus.codes());
        return "service/claims";
    }

    @GetMapping("/service/claims/new")
    @RequiresPermission("guarantees.create")
    String newClaim(Model model) {
        return form(model, ClaimForm.blank());
    }

    /** The claim and, when one is chosen, its first photo: a photo that is refused keeps the claim from being filed. */
    @PostMapping("/service/claims")
    @RequiresPermission("guarantees.create")
    String create(@ModelAttribute("form") ClaimForm form, BindingResult errors,
                  @RequestParam(value = "file", required = false) MultipartFile photo, Model model) {
        WarrantyClaims.ClaimRequest request = forms.claim(form, errors);
        if (!errors.hasErrors()) {
            try {
                UUID id = photos.fileWith(request, photo);
                return "redirect:/service/claims/" + id;
            } catch (ErrorResponseException e) {
                refused(e, errors);
            }
        }
        return form(model, form);
    }

    @GetMapping("/service/claims/{id}")
    @RequiresPermission("guarantees.view")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("claim", claims.get(id));
        model.addAttribute("locations", lookups.locations());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("photoMaxMegabytes", photos.maxBytes() / (1024 * 1024));
        return "service/claim";
    }

    @PostMapping("/service/claims/{id}/submit")
    @RequiresPermission("guarantees.create")
    String submit(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "service.claim.done.submitted", () -> claims.submit(id));
    }

    @PostMapping("/service/claims/{id}/approve")
    @RequiresPermission("guarantees.resolve")
    String approve(@PathVariable UUID id, @RequestParam(required = false) String comments, RedirectAttributes redirect) {
        return act(id, redirect, "service.claim.done.approved",
                () -> claims.approve(id, new WarrantyClaims.Resolution(limited(comments))));
    }

    @PostMapping("/service/claims/{id}/reject")
    @RequiresPermission("guarantees.resolve")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String comments, RedirectAttributes redirect) {
        return act(id, redirect, "service.claim.done.rejected",
                () -> claims.reject(id, new WarrantyClaims.Resolution(limited(comments))));
    }

    @PostMapping("/service/claims/{id}/replacement")
    @RequiresPermission("guarantees.resolve")
    String replace(@PathVariable UUID id, @RequestParam(required = false) String locationId,
                   @RequestParam(required = false) String idempotencyKey, RedirectAttributes redirect) {
        return act(id, redirect, "service.claim.done.replaced", () -> claims.replace(idempotencyKey, id,
                new WarrantyClaims.ReplacementRequest(ServiceForms.uuid(locationId))));
    }

    @PostMapping("/service/claims/{id}/photos")
    @RequiresPermission("guarantees.create")
    String addPhoto(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile photo,
                    RedirectAttributes redirect) {
        return act(id, redirect, "service.claim.done.photoAdded", () -> photos.add(id, photo));
    }

    @GetMapping("/service/claims/{id}/photos/{photoId}")
    @RequiresPermission("guarantees.view")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        return PhotoResponses.of(photos.get(id, photoId));
    }

    private String act(UUID id, RedirectAttributes redirect, String done, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("message", done);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("error", problems.refusal(e, AREA));
        }
        return "redirect:/service/claims/" + id;
    }

    /** Comments beyond what a claim keeps are cut, not refused: the form's field has the same limit. */
    private static String limited(String comments) {
        return comments == null || comments.length() <= 1000 ? comments : comments.substring(0, 1000);
    }

    private String form(Model model, ClaimForm form) {
        model.addAttribute("form", form);
        model.addAttribute("locations", lookups.locations());
        model.addAttribute("technicians", lookups.technicians());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("photoMaxMegabytes", photos.maxBytes() / (1024 * 1024));
        return "service/claim-form";
    }

    private void refused(ErrorResponseException e, BindingResult errors) {
        String key = problems.refusal(e, AREA);
        if (ServiceProblem.UNKNOWN_LOCATION.is(e)) {
            errors.rejectValue("locationId", key);
        } else if (ServiceProblem.NOT_A_TECHNICIAN.is(e)) {
            errors.rejectValue("technicianId", key);
        } else if (ServiceProblem.QUANTITY_DECIMALS.is(e)) {
            errors.rejectValue("quantity", key);
        } else {
            errors.reject(key);
        }
    }
}
