package nl.passend.user;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.passend.api.model.RoleDto;
import nl.passend.api.model.UserDto;
import nl.passend.api.model.UserInputDto;
import nl.passend.api.model.UserPageDto;
import nl.passend.organisation.OrganisationService;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.PageController;
import nl.passend.shared.RefusalWording;
import nl.passend.shared.StaleVersionException;

/**
 * An administrator's user accounts as pages: the list by role, a new account, and an account's role, organisation and
 * whether it may sign in. The same service as {@link UserController}, so the same rules (a role fits its kind of
 * organisation, a username once, never without an active administrator) and audit.
 */
@PageController
class UserPages {

    private static final int PAGE_SIZE = 20;

    private final UserAccountService users;
    private final OrganisationService organisations;
    private final MessageSource messages;
    private final RefusalWording refusals;

    UserPages(UserAccountService users, OrganisationService organisations, MessageSource messages,
            RefusalWording refusals) {
        this.refusals = refusals;
        this.users = users;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping("/beheer/gebruikers")
    String list(@RequestParam(required = false) RoleDto role, @RequestParam(required = false) Long organisationId,
            @RequestParam(defaultValue = "0") int page, Model model) {
        UserPageDto found = users.list(role, organisationId, Math.max(0, page), PAGE_SIZE,
                List.of("username", "asc"));
        model.addAttribute("users", found.getContent());
        model.addAttribute("page", found.getPage());
        model.addAttribute("role", role);
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("organisations", organisations.names());
        return "user/list";
    }

    /** The accounts that cannot sign in: a fragment of the administrator's start page, loaded by htmx. */
    @GetMapping("/beheer/gebruikers/inactief")
    String inactive(Model model) {
        UserPageDto found = users.inactive(0, PAGE_SIZE);
        model.addAttribute("users", found.getContent());
        model.addAttribute("page", found.getPage());
        return "user/list :: inactive";
    }

    @GetMapping("/beheer/gebruikers/nieuw")
    String form(Model model) {
        return form(new UserInputDto(), null, model);
    }

    @PostMapping("/beheer/gebruikers")
    String create(@Validated @ModelAttribute("user") UserInputDto input, BindingResult errors, Model model) {
        if (input.getPassword() == null) {
            errors.rejectValue("password", "NotNull");
        }
        if (errors.hasErrors()) {
            return form(input, null, model);
        }
        try {
            UserDto created = users.create(input);
            return "redirect:/beheer/gebruikers/" + created.getId() + "?opgeslagen";
        } catch (InvalidRequestException invalid) {
            refusals.reject(invalid, errors);
        } catch (ConflictException | StaleVersionException conflict) {
            model.addAttribute("conflict", refusals.of(conflict));
        }
        return form(input, null, model);
    }

    @GetMapping("/beheer/gebruikers/{id}")
    String edit(@PathVariable long id, Model model) {
        UserDto user = users.get(id);
        UserInputDto input = new UserInputDto(user.getUsername(), user.getDisplayName(), user.getRole(),
                user.getOrganisationId());
        input.setActive(user.getActive());
        input.setVersion(user.getVersion());
        return form(input, user, model);
    }

    /** Changes the role, organisation, name or whether the account may sign in, under the version the page showed. */
    @PostMapping("/beheer/gebruikers/{id}")
    String update(@PathVariable long id, @Validated @ModelAttribute("user") UserInputDto input, BindingResult errors,
            Model model) {
        if (!errors.hasErrors()) {
            try {
                users.update(id, input);
                return "redirect:/beheer/gebruikers/" + id + "?opgeslagen";
            } catch (InvalidRequestException invalid) {
                refusals.reject(invalid, errors);
            } catch (StaleVersionException stale) {
                // Someone else saved first: said in the reader's language, with what is recorded now.
                model.addAttribute("conflict", messages.getMessage("admin.stale", null, LocaleContextHolder.getLocale()));
            } catch (ConflictException conflict) {
                model.addAttribute("conflict", refusals.of(conflict));
            }
        }
        return form(input, users.get(id), model);
    }

    private String form(UserInputDto input, UserDto existing, Model model) {
        if (existing != null && model.containsAttribute("conflict")) {
            // What is recorded now is shown beside the refusal; sending the form again replaces it knowingly.
            input.setVersion(existing.getVersion());
        }
        model.addAttribute("user", input);
        model.addAttribute("existing", existing);
        model.addAttribute("organisations", organisations.names());
        return "user/form";
    }
}
