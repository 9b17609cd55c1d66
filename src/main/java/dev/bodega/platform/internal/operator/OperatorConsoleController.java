package dev.bodega.platform.internal.operator;

import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.PublicEndpoint;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.internal.operator.OperatorAuthentication.SignedInOperator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;
import java.util.UUID;

/**
 * The operator console: companies with their usage, plan, limits and status, the platform's security events and
 * the operators' notices. {@code @PublicEndpoint} only for the companies' permission check: OperatorSecurity lets
 * no one but a signed-in operator reach these pages.
 */
@Controller
@PublicEndpoint
class OperatorConsoleController {

    static final int PAGE = 25;
    static final String AREA = "operator";

    record LimitsForm(String plan, Integer maxUsers, Integer maxLocations, Integer maxItems,
                      Integer maxCustomerOrganizations, Integer maxStockMovementsPerYear, Integer maxMachines) {
        CompanyConsole.Limits limits() {
            return new CompanyConsole.Limits(plan, orZero(maxUsers), orZero(maxLocations), orZero(maxItems),
                    orZero(maxCustomerOrganizations), maxStockMovementsPerYear, maxMachines);
        }

        static LimitsForm of(CompanyConsole.Company c) {
            return new LimitsForm(c.plan(), c.maxUsers(), c.maxLocations(), c.maxItems(), c.maxCustomerOrganizations(),
                    c.maxStockMovementsPerYear(), c.maxMachines());
        }

        private static int orZero(Integer value) {
            return value == null ? 0 : value;
        }
    }

    private final CompanyConsole companies;
    private final AccessGrants grants;
    private final PlatformSecurityEvents securityEvents;
    private final OperatorNotices notices;
    private final ProblemMessages problems;

    OperatorConsoleController(CompanyConsole companies, AccessGrants grants, PlatformSecurityEvents securityEvents,
                              OperatorNotices notices, ProblemMessages problems) {
        this.companies = companies;
        this.grants = grants;
        this.securityEvents = securityEvents;
        this.notices = notices;
        this.problems = problems;
    }

    @GetMapping("/operator")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int offset, Model model) {
        int from = Math.max(0, offset);
        var page = companies.list(q, from, PAGE + 1);
        model.addAttribute("companies", page.stream().limit(PAGE)
                .map(c -> new Row(c, companies.usage(c.id()))).toList());
        model.addAttribute("q", q);
        model.addAttribute("offset", from);
        model.addAttribute("next", page.size() > PAGE ? from + PAGE : null);
        return "operator/companies";
    }

    record Row(CompanyConsole.Company company, CompanyConsole.Usage usage) {
    }

    @GetMapping("/operator/companies/{id}")
    String company(@PathVariable UUID id, Model model) {
        CompanyConsole.Company company = companies.find(id);
        return show(company, LimitsForm.of(company), model);
    }

    @PostMapping("/operator/companies/{id}/limits")
    String changeLimits(@PathVariable UUID id, @ModelAttribute("form") LimitsForm form, HttpServletRequest request,
                        Model model) {
        try {
            companies.changeLimits(id, form.limits(), request.getRemoteAddr(), operator().email());
        } catch (ErrorResponseException e) {
            model.addAttribute("error", problems.refusal(e, AREA));
            return show(companies.find(id), form, model);
        }
        return "redirect:/operator/companies/" + id + "?saved";
    }

    @PostMapping("/operator/companies/{id}/status")
    String changeStatus(@PathVariable UUID id, @RequestParam String status, HttpServletRequest request) {
        companies.changeStatus(id, status, request.getRemoteAddr(), operator().email());
        return "redirect:/operator/companies/" + id + "?status";
    }

    /** Opens the company read-only in this browser session, if its admin has granted access now. */
    @PostMapping("/operator/companies/{id}/open")
    String open(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model) {
        companies.find(id);
        Optional<UUID> grant = TenantContext.callAs(TenantContext.Scope.system(id), grants::openGrant);
        if (grant.isEmpty()) {
            return "redirect:/operator/companies/" + id + "?notGranted";
        }
        SignedInOperator operator = operator();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new OperatorView(operator.id(), operator.email(), operator.name(), id, grant.get()));
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        return "redirect:/";
    }

    /** Ends a read-only view of a company; the console session stays. */
    @PostMapping("/operator/close")
    String close(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
        return "redirect:/operator";
    }

    @GetMapping("/operator/security-events")
    String securityEvents(@RequestParam(defaultValue = "") String type, Model model) {
        model.addAttribute("events", securityEvents.recent(type, 200));
        model.addAttribute("type", type);
        return "operator/security-events";
    }

    @GetMapping("/operator/notices")
    String notices(Model model) {
        model.addAttribute("notices", notices.recent(100));
        return "operator/notices";
    }

    @PostMapping("/operator/notices/read")
    String markRead() {
        notices.markAllRead();
        return "redirect:/operator/notices";
    }

    private String show(CompanyConsole.Company company, LimitsForm form, Model model) {
        model.addAttribute("company", company);
        model.addAttribute("usage", companies.usage(company.id()));
        model.addAttribute("form", form);
        model.addAttribute("plans", CompanyConsole.PLANS.stream().sorted().toList());
        model.addAttribute("granted", TenantContext.callAs(TenantContext.Scope.system(company.id()),
                grants::openGrant).isPresent());
        return "operator/company";
    }

    private static SignedInOperator operator() {
        return ((OperatorAuthentication) SecurityContextHolder.getContext().getAuthentication()).getPrincipal();
    }
}
