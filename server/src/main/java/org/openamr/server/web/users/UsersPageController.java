package org.openamr.server.web.users;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.openamr.server.api.Page;
import org.openamr.server.building.Buildings;
import org.openamr.server.channel.Channel;
import org.openamr.server.organisation.Organisations;
import org.openamr.server.premise.Premises;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.security.Role;
import org.openamr.server.user.UserRuleException;
import org.openamr.server.user.UsernameTakenException;
import org.openamr.server.user.UserService;
import org.openamr.server.web.PageNumbers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/users}: accounts for administrators. Every change goes through {@link UserService}, the service of
 * the users API, with its rules and its audit log entries; the page adds only what a form needs (the next
 * step's choices, errors in the reader's language). Other roles get the 403 page.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UsersPageController {

    static final int PAGE_SIZE = 100;
    static final int MAX_CHOICES = 1000;

    private final UserService users;
    private final Organisations organisations;
    private final Buildings buildings;
    private final Premises premises;
    private final CurrentUser current;
    private final Validator validator;

    UsersPageController(UserService users, Organisations organisations, Buildings buildings, Premises premises,
            CurrentUser current, Validator validator) {
        this.users = users;
        this.organisations = organisations;
        this.buildings = buildings;
        this.premises = premises;
        this.current = current;
        this.validator = validator;
    }

    @ModelAttribute("nav")
    String nav() {
        return "users";
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String page, Model model) {
        int pageNo = Math.max(1, PageNumbers.parse(page));
        Page<UserService.Account> found = users.accounts(pageNo - 1, PAGE_SIZE);
        int pages = PageNumbers.count(found.total(), PAGE_SIZE);
        model.addAttribute("page", new UsersPage(found.items(), found.total(), pageNo, pages,
                Channel.DEFAULT_ZONE));
        return "users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        model.addAttribute("page", page(null, UserForm.empty(), List.of()));
        return "user";
    }

    @PostMapping("/admin/users/new")
    String create(@ModelAttribute UserForm form, @RequestParam(defaultValue = "refresh") String action, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!"save".equals(action)) {
            model.addAttribute("page", page(null, form.withoutPassword(), List.of()));
            return "user";
        }
        List<UserFormPage.Message> errors = new ArrayList<>();
        UserService.Input input = input(form, form.password(), true, errors);
        if (errors.isEmpty()) {
            try {
                users.create(input);
                redirect.addFlashAttribute("done", new UserFormPage.Message("users.done.created",
                        List.of(input.username())));
                return "redirect:/admin/users";
            } catch (RuntimeException e) {
                errors.add(refusal(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("page", page(null, form.withoutPassword(), errors));
        return "user";
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable UUID id, Model model) {
        UserService.Account a = users.account(id);
        model.addAttribute("page", page(a, new UserForm(a.username(), a.displayName(), a.role().name(),
                text(a.organisation()), text(a.building()), text(a.premise()), null), List.of()));
        return "user";
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable UUID id, @ModelAttribute UserForm form,
            @RequestParam(defaultValue = "refresh") String action, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        UserService.Account a = users.account(id);
        if (!"save".equals(action)) {
            model.addAttribute("page", page(a, form.withoutPassword(), List.of()));
            return "user";
        }
        List<UserFormPage.Message> errors = new ArrayList<>();
        UserService.Input input = input(form, null, a.enabled(), errors);
        if (errors.isEmpty()) {
            try {
                users.update(id, input);
                return done(redirect, id, "users.done.saved", input.username());
            } catch (RuntimeException e) {
                errors.add(refusal(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("page", page(a, form.withoutPassword(), errors));
        return "user";
    }

    @PostMapping("/admin/users/{id}/password")
    String password(@PathVariable UUID id, @RequestParam(defaultValue = "") String password, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> users.resetPassword(id, password), "users.done.password", model, response, redirect);
    }

    @PostMapping("/admin/users/{id}/lock")
    String lock(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> users.lock(id), "users.done.locked", model, response, redirect);
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> users.unlock(id), "users.done.unlocked", model, response, redirect);
    }

    @PostMapping("/admin/users/{id}/delete")
    String delete(@PathVariable UUID id, @RequestParam(defaultValue = "") String confirm, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        UserService.Account a = users.account(id);
        if (!"yes".equals(confirm)) {
            return refused(a, new UserFormPage.Message("users.confirmMissing", List.of(a.username())), model, response);
        }
        try {
            users.delete(id);
        } catch (RuntimeException e) {
            return refused(a, refusal(e), model, response);
        }
        redirect.addFlashAttribute("done", new UserFormPage.Message("users.done.deleted", List.of(a.username())));
        return "redirect:/admin/users";
    }

    /** One of the account page's actions: done and back to the account, or the account page with why not. */
    private String act(UUID id, Runnable action, String doneKey, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        UserService.Account a = users.account(id);
        try {
            action.run();
        } catch (RuntimeException e) {
            return refused(a, refusal(e), model, response);
        }
        return done(redirect, id, doneKey, a.username());
    }

    private String refused(UserService.Account a, UserFormPage.Message why, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("page", page(a, new UserForm(a.username(), a.displayName(), a.role().name(),
                text(a.organisation()), text(a.building()), text(a.premise()), null), List.of(why)));
        return "user";
    }

    private static String done(RedirectAttributes redirect, UUID id, String key, String username) {
        redirect.addFlashAttribute("done", new UserFormPage.Message(key, List.of(username)));
        return "redirect:/admin/users/" + id;
    }

    /** A refusal of {@link UserService} in the reader's language; anything else is not the form's to explain. */
    private static UserFormPage.Message refusal(RuntimeException e) {
        if (e instanceof UserRuleException rule) {
            return new UserFormPage.Message("users.rule." + rule.rule().name(), List.of(UserService.MIN_PASSWORD,
                    UserService.MAX_PASSWORD));
        }
        if (e instanceof UsernameTakenException taken) {
            return new UserFormPage.Message("users.taken", List.of(taken.username()));
        }
        throw e;
    }

    /**
     * The service's input from the form: only the scope the role has (an administrator's form may still hold
     * a premise chosen before the role was changed), checked against the same constraints as the API's.
     */
    private UserService.Input input(UserForm form, String password, boolean enabled, List<UserFormPage.Message> errors) {
        Role role = null;
        try {
            role = form.role() == null || form.role().isBlank() ? null : Role.valueOf(form.role());
        } catch (IllegalArgumentException unknown) {
            // reported by the constraint below as a missing role
        }
        UUID organisation = role == Role.OPERATOR || role == Role.MANAGER ? id(form.organisation()) : null;
        UUID premise = role == Role.RESIDENT ? id(form.premise()) : null;
        UserService.Input input = new UserService.Input(form.username() == null ? null : form.username().trim(), password,
                form.displayName(), role, organisation, premise, enabled);
        List<ConstraintViolation<UserService.Input>> violations = new ArrayList<>(validator.validate(input));
        violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
        for (ConstraintViolation<UserService.Input> v : violations) {
            errors.add(new UserFormPage.Message("users.invalid." + v.getPropertyPath(),
                    List.of(UserService.MIN_PASSWORD, UserService.MAX_PASSWORD)));
        }
        return input;
    }

    private UserFormPage page(UserService.Account account, UserForm form, List<UserFormPage.Message> errors) {
        AccessScope scope = current.scope();
        List<UserFormPage.Choice> orgs = organisations.list(scope).stream()
                .map(o -> new UserFormPage.Choice(o.id(), o.name(), o.kind().name())).toList();
        List<UserFormPage.Choice> buildingChoices = buildings.list(scope, 0, MAX_CHOICES).items().stream()
                .map(b -> new UserFormPage.Choice(b.id(), b.address(), null)).toList();
        UUID building = id(form.building());
        List<UserFormPage.Choice> premiseChoices = building == null
                || buildingChoices.stream().noneMatch(b -> b.id().equals(building)) ? List.of()
                : premises.list(scope, building, 0, MAX_CHOICES).items().stream()
                        .map(p -> new UserFormPage.Choice(p.id(), p.number(), null)).toList();
        List<String> roles = Arrays.stream(Role.values()).map(Enum::name).toList();
        return new UserFormPage(account, form, roles, orgs, buildingChoices, premiseChoices, errors,
                UserService.MIN_PASSWORD, UserService.MAX_PASSWORD);
    }

    private static UUID id(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.trim());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }
}
