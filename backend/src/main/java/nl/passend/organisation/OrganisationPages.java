package nl.passend.organisation;

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

import nl.passend.api.model.OrganisationDto;
import nl.passend.api.model.OrganisationInputDto;
import nl.passend.api.model.OrganisationPageDto;
import nl.passend.api.model.OrganisationTypeDto;
import nl.passend.reference.ReferenceDataService;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.PageController;
import nl.passend.shared.RefusalWording;
import nl.passend.shared.StaleVersionException;

/**
 * An administrator's organisations as pages: the list by type and name, a new organisation, and an edit under the
 * version the page showed. The same service as {@link OrganisationController}, so the same rules and audit.
 */
@PageController
class OrganisationPages {

    private static final int PAGE_SIZE = 20;

    private final OrganisationService organisations;
    private final ReferenceDataService referenceData;
    private final MessageSource messages;
    private final RefusalWording refusals;

    OrganisationPages(OrganisationService organisations, ReferenceDataService referenceData, MessageSource messages,
            RefusalWording refusals) {
        this.refusals = refusals;
        this.organisations = organisations;
        this.referenceData = referenceData;
        this.messages = messages;
    }

    @GetMapping("/beheer/organisaties")
    String list(@RequestParam(required = false) OrganisationTypeDto type,
            @RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page, Model model) {
        OrganisationPageDto found = organisations.list(type, null, name, null, Math.max(0, page), PAGE_SIZE,
                List.of("name", "asc"));
        model.addAttribute("organisations", found.getContent());
        model.addAttribute("page", found.getPage());
        model.addAttribute("type", type);
        model.addAttribute("name", name);
        model.addAttribute("municipalities", referenceData.municipalityNames());
        return "organisation/list";
    }

    @GetMapping("/beheer/organisaties/nieuw")
    String form(Model model) {
        return form(new OrganisationInputDto(), null, model);
    }

    @PostMapping("/beheer/organisaties")
    String create(@Validated @ModelAttribute("organisation") OrganisationInputDto input, BindingResult errors,
            Model model) {
        if (!errors.hasErrors()) {
            try {
                OrganisationDto created = organisations.create(input);
                return "redirect:/beheer/organisaties/" + created.getId() + "?opgeslagen";
            } catch (InvalidRequestException invalid) {
                refusals.reject(invalid, errors);
            } catch (StaleVersionException stale) {
                // Someone else saved first: said in the reader's language, with what is recorded now.
                model.addAttribute("conflict", messages.getMessage("admin.stale", null, LocaleContextHolder.getLocale()));
            } catch (ConflictException conflict) {
                model.addAttribute("conflict", refusals.of(conflict));
            }
        }
        return form(input, null, model);
    }

    @GetMapping("/beheer/organisaties/{id}")
    String edit(@PathVariable long id, Model model) {
        OrganisationDto organisation = organisations.get(id);
        OrganisationInputDto input = new OrganisationInputDto(organisation.getName(), organisation.getType());
        input.setMunicipalityCode(organisation.getMunicipalityCode());
        input.setActive(organisation.getActive());
        input.setVersion(organisation.getVersion());
        return form(input, organisation, model);
    }

    @PostMapping("/beheer/organisaties/{id}")
    String update(@PathVariable long id, @Validated @ModelAttribute("organisation") OrganisationInputDto input,
            BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                organisations.update(id, input);
                return "redirect:/beheer/organisaties/" + id + "?opgeslagen";
            } catch (InvalidRequestException invalid) {
                refusals.reject(invalid, errors);
            } catch (StaleVersionException stale) {
                // Someone else saved first: said in the reader's language, with what is recorded now.
                model.addAttribute("conflict", messages.getMessage("admin.stale", null, LocaleContextHolder.getLocale()));
            } catch (ConflictException conflict) {
                model.addAttribute("conflict", refusals.of(conflict));
            }
        }
        return form(input, organisations.get(id), model);
    }

    private String form(OrganisationInputDto input, OrganisationDto existing, Model model) {
        if (existing != null && model.containsAttribute("conflict")) {
            // What is recorded now is shown beside the refusal; sending the form again replaces it knowingly.
            input.setVersion(existing.getVersion());
        }
        model.addAttribute("organisation", input);
        model.addAttribute("existing", existing);
        model.addAttribute("municipalities", referenceData.municipalityNames());
        return "organisation/form";
    }
}
