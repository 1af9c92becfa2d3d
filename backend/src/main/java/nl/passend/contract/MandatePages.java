package nl.passend.contract;

import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import nl.passend.api.model.MandateInputDto;
import nl.passend.api.model.MandatePageDto;
import nl.passend.reference.ReferenceDataService;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.PageController;
import nl.passend.shared.RefusalWording;
import nl.passend.shared.StaleVersionException;

/**
 * A purchaser's standing mandates to lead municipalities as pages: those its municipality granted, the form to grant
 * one, and revoking one. The same service as {@link MandateController}: a new mandate confirms the municipality's
 * pending participations it covers, as through the API.
 */
@PageController
class MandatePages {

    private static final int PAGE_SIZE = 20;

    private final MandateService mandates;
    private final ReferenceDataService referenceData;
    private final SpringValidatorAdapter validator;
    private final RefusalWording refusals;

    MandatePages(MandateService mandates, ReferenceDataService referenceData, Validator validator,
            RefusalWording refusals) {
        this.refusals = refusals;
        this.mandates = mandates;
        this.referenceData = referenceData;
        this.validator = new SpringValidatorAdapter(validator);
    }

    @GetMapping("/mandaten")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        MandateInputDto blank = new MandateInputDto();
        return page(blank, Math.max(0, page), model);
    }

    @PostMapping("/mandaten")
    String grant(@ModelAttribute("mandate") MandateInputDto input, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        // Granted for the purchaser's own municipality: the service refuses any other.
        input.setGrantingMunicipality(mandates.ownMunicipality());
        validator.validate(input, errors);
        if (!errors.hasErrors()) {
            try {
                mandates.grant(input);
                redirect.addFlashAttribute("done", "granted");
                return "redirect:/mandaten";
            } catch (InvalidRequestException invalid) {
                refusals.reject(invalid, errors);
            } catch (ConflictException conflict) {
                errors.reject("contract.conflict", new Object[] {refusals.of(conflict)}, refusals.of(conflict));
                response.setStatus(HttpServletResponse.SC_CONFLICT);
            }
        }
        return page(input, 0, model);
    }

    @PostMapping("/mandaten/{id}/intrekking")
    String revoke(@PathVariable long id, @RequestParam Long version, RedirectAttributes redirect) {
        try {
            mandates.revoke(id, version);
            redirect.addFlashAttribute("done", "revoked");
        } catch (ConflictException | StaleVersionException refused) {
            redirect.addFlashAttribute("refused", refusals.of(refused));
        }
        return "redirect:/mandaten";
    }

    private String page(MandateInputDto input, int page, Model model) {
        MandatePageDto found = mandates.listOwn(page, PAGE_SIZE);
        model.addAttribute("mandates", found.getContent());
        model.addAttribute("page", found.getPage());
        model.addAttribute("mandate", input);
        Map<String, String> names = referenceData.municipalityNames();
        model.addAttribute("names", names);
        model.addAttribute("municipalities", names);
        return "contract/mandates";
    }
}
