package nl.passend.contract;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.lang.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import nl.passend.api.model.ContractCareTypeDto;
import nl.passend.api.model.ContractCareTypeViewDto;
import nl.passend.api.model.ContractDto;
import nl.passend.api.model.ContractInputDto;
import nl.passend.api.model.ContractPageDto;
import nl.passend.provider.ProviderService;
import nl.passend.reference.ReferenceDataService;
import nl.passend.shared.ConflictException;
import nl.passend.shared.Euros;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.PageController;
import nl.passend.shared.RefusalWording;
import nl.passend.shared.StaleVersionException;

/**
 * A purchaser's contracts as pages: those its municipality is a party to, a contract with its coverage, tariffs and
 * ceilings, the form to edit it with its version, and the participations that wait for the municipality's consent.
 * The same service as {@link ContractController}, so the same checks, rules and audit: an edit from a stale version
 * is refused (and the page shows what changed meanwhile), an overlapping contract is refused naming the other.
 */
@PageController
class ContractPages {

    private static final int PAGE_SIZE = 20;
    /** Empty rows the edit form offers for care types to add. */
    private static final int NEW_CARE_TYPE_ROWS = 2;

    private final ContractService contracts;
    private final ProviderService providers;
    private final ReferenceDataService referenceData;
    private final SpringValidatorAdapter validator;
    private final RefusalWording refusals;

    ContractPages(ContractService contracts, ProviderService providers, ReferenceDataService referenceData,
            Validator validator, RefusalWording refusals) {
        this.refusals = refusals;
        this.contracts = contracts;
        this.providers = providers;
        this.referenceData = referenceData;
        this.validator = new SpringValidatorAdapter(validator);
    }

    /** Amounts are read and written in the reader's notation. */
    @InitBinder("contract")
    void formFields(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new AmountEditor(LocaleContextHolder.getLocale()));
    }

    @GetMapping("/contracten")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        ContractPageDto found = contracts.listOwn(Math.max(0, page), PAGE_SIZE);
        model.addAttribute("contracts", found.getContent());
        model.addAttribute("page", found.getPage());
        model.addAttribute("municipalities", referenceData.municipalityNames());
        return "contract/list";
    }

    @GetMapping("/contracten/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("contract", contracts.get(id));
        model.addAttribute("kept", contracts.isKeptByCaller(id));
        model.addAttribute("municipalities", referenceData.municipalityNames());
        return "contract/detail";
    }

    @GetMapping("/contracten/nieuw")
    String blank(Model model) {
        return form(null, new ContractInputDto(), model);
    }

    /**
     * Registers a contract. A second one of the provider for the same care type, municipality and days is refused by
     * the service, which names the first: shown on the form, answered 409.
     */
    @PostMapping("/contracten")
    String create(@ModelAttribute("contract") ContractInputDto input, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (checked(input, errors)) {
            try {
                long id = contracts.create(input).getId();
                redirect.addFlashAttribute("saved", true);
                return "redirect:/contracten/" + id;
            } catch (InvalidRequestException invalid) {
                refusals.reject(invalid, errors);
            } catch (ConflictException conflict) {
                errors.reject("contract.conflict", new Object[] {refusals.of(conflict)}, refusals.of(conflict));
                response.setStatus(HttpServletResponse.SC_CONFLICT);
            }
        }
        return form(null, input, model);
    }

    @GetMapping("/contracten/{id}/wijzigen")
    String edit(@PathVariable long id, Model model) {
        ContractDto contract = contracts.getOwn(id);
        return form(contract, input(contract), model);
    }

    /**
     * Saves an edit made on the version the form was read at. If a colleague saved the contract meanwhile, nothing is
     * overwritten: the form comes back with the values the user sent, next to the current ones where they differ, and
     * the current version, so that saving again is a choice made knowing what changed.
     */
    @PostMapping("/contracten/{id}")
    String update(@PathVariable long id, @ModelAttribute("contract") ContractInputDto input, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (checked(input, errors)) {
            try {
                contracts.update(id, input);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/contracten/" + id;
            } catch (InvalidRequestException invalid) {
                refusals.reject(invalid, errors);
            } catch (StaleVersionException stale) {
                ContractDto current = contracts.getOwn(id);
                model.addAttribute("changes", changes(current, input));
                input.setVersion(current.getVersion());
                errors.reject("contract.stale", refusals.of(stale));
                response.setStatus(HttpServletResponse.SC_CONFLICT);
            } catch (ConflictException conflict) {
                errors.reject("contract.conflict", new Object[] {refusals.of(conflict)}, refusals.of(conflict));
                response.setStatus(HttpServletResponse.SC_CONFLICT);
            }
        }
        return form(contracts.getOwn(id), input, model);
    }

    /** A care type row of the form left empty. */
    private static boolean isEmpty(ContractCareTypeDto row) {
        return row == null || row.getCareType() == null && row.getDailyTariff() == null;
    }

    /**
     * Whether the form's fields are fit to send to the service: each could be read, and, with the care type rows left
     * empty taken out (they are no care types), they pass the checks the API makes of its JSON. While a row holds an
     * amount that could not be read, only the empty rows after the last filled one go, so that its error stays with
     * the row it was typed in.
     */
    private boolean checked(ContractInputDto input, BindingResult errors) {
        List<ContractCareTypeDto> rows = input.getCareTypes();
        if (errors.getFieldErrors().stream().anyMatch(error -> error.getField().startsWith("careTypes["))) {
            while (!rows.isEmpty() && isEmpty(rows.get(rows.size() - 1))) {
                rows.remove(rows.size() - 1);
            }
        } else {
            rows.removeIf(ContractPages::isEmpty);
        }
        validator.validate(input, errors);
        return !errors.hasErrors();
    }

    /** The participations of the purchaser's municipality that wait for its consent. */
    @GetMapping("/contracten/instemming")
    String awaitingConsent(@RequestParam(defaultValue = "0") int page, Model model) {
        ContractPageDto found = contracts.listAwaitingOwnConsent(Math.max(0, page), PAGE_SIZE);
        model.addAttribute("contracts", found.getContent());
        model.addAttribute("page", found.getPage());
        model.addAttribute("municipalities", referenceData.municipalityNames());
        return "contract/consent";
    }

    /** How many participations wait for the municipality's consent: a part of the start page, loaded by htmx. */
    @GetMapping("/contracten/instemming/aantal")
    String awaitingConsentCount(Model model) {
        model.addAttribute("waiting", contracts.listAwaitingOwnConsent(0, 1).getPage().getTotalElements());
        return "contract/consent :: count";
    }

    @PostMapping("/contracten/{id}/instemming")
    String confirm(@PathVariable long id, @RequestParam Long version, RedirectAttributes redirect) {
        return consent(id, redirect, "confirmed", () -> contracts.confirm(id, version));
    }

    @PostMapping("/contracten/{id}/weigering")
    String decline(@PathVariable long id, @RequestParam Long version, RedirectAttributes redirect) {
        return consent(id, redirect, "declined", () -> contracts.decline(id, version));
    }

    /** A refusal (stale version, an overlap, already confirmed) is shown on the list, never as an error page. */
    private String consent(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
            redirect.addFlashAttribute("doneId", id);
        } catch (ConflictException | StaleVersionException refused) {
            redirect.addFlashAttribute("refused", refusals.of(refused));
        }
        return "redirect:/contracten/instemming";
    }

    /** A field that the current contract has otherwise than the user sent: the label key and both values. */
    record Change(String field, String current, String submitted) {
    }

    private List<Change> changes(ContractDto current, ContractInputDto sent) {
        Map<String, String> names = referenceData.municipalityNames();
        Locale locale = LocaleContextHolder.getLocale();
        List<Change> changes = new ArrayList<>();
        add(changes, "contract.reference", current.getReference(), sent.getReference());
        add(changes, "contract.lead", names.get(current.getLeadMunicipality()), names.get(sent.getLeadMunicipality()));
        add(changes, "contract.municipalities", names(current.getParticipatingMunicipalities(), names),
                names(sent.getParticipatingMunicipalities(), names));
        add(changes, "contract.careTypes", tariffs(current.getCareTypes().stream()
                .map(c -> new ContractCareTypeDto(c.getCareType(), c.getDailyTariff())).toList(), locale),
                tariffs(sent.getCareTypes(), locale));
        add(changes, "contract.validFrom", date(current.getValidFrom(), locale), date(sent.getValidFrom(), locale));
        add(changes, "contract.validUntil", date(current.getValidUntil(), locale), date(sent.getValidUntil(), locale));
        add(changes, "contract.volumeCeiling", Objects.toString(current.getVolumeCeiling(), "–"),
                Objects.toString(sent.getVolumeCeiling(), "–"));
        add(changes, "contract.budgetCeiling", Euros.format(current.getBudgetCeiling(), locale),
                Euros.format(sent.getBudgetCeiling(), locale));
        return changes;
    }

    private static void add(List<Change> changes, String field, String current, String submitted) {
        if (!Objects.equals(current, submitted)) {
            changes.add(new Change(field, current, submitted));
        }
    }

    private static String date(java.time.LocalDate date, Locale locale) {
        return date == null ? "–" : java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
    }

    private static String names(Set<String> codes, Map<String, String> names) {
        return String.join(", ", codes.stream().map(code -> names.getOrDefault(code, code))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    private static String tariffs(List<ContractCareTypeDto> careTypes, Locale locale) {
        return String.join(", ", careTypes.stream().sorted(Comparator.comparing(ContractCareTypeDto::getCareType,
                Comparator.nullsLast(Comparator.naturalOrder())))
                .map(c -> c.getCareType() + ": " + Euros.format(c.getDailyTariff(), locale)).toList());
    }

    /** The form's fields as the contract has them now. */
    private static ContractInputDto input(ContractDto contract) {
        ContractInputDto input = new ContractInputDto();
        input.setReference(contract.getReference());
        input.setProviderId(contract.getProviderId());
        input.setLeadMunicipality(contract.getLeadMunicipality());
        input.setParticipatingMunicipalities(new LinkedHashSet<>(contract.getParticipatingMunicipalities()));
        for (ContractCareTypeViewDto careType : contract.getCareTypes()) {
            input.addCareTypesItem(new ContractCareTypeDto(careType.getCareType(), careType.getDailyTariff()));
        }
        input.setValidFrom(contract.getValidFrom());
        input.setValidUntil(contract.getValidUntil());
        input.setVolumeCeiling(contract.getVolumeCeiling());
        input.setBudgetCeiling(contract.getBudgetCeiling());
        input.setVersion(contract.getVersion());
        return input;
    }

    /** The form to edit the contract {@code current}, or to register one if it is {@code null}. */
    private String form(@Nullable ContractDto current, ContractInputDto input, Model model) {
        long empty = input.getCareTypes().stream().filter(ContractPages::isEmpty).count();
        for (long i = empty; i < NEW_CARE_TYPE_ROWS; i++) {
            input.addCareTypesItem(new ContractCareTypeDto());
        }
        model.addAttribute("current", current);
        if (current == null) {
            model.addAttribute("providers", providers.activeNames());
        }
        model.addAttribute("contract", input);
        model.addAttribute("municipalities", referenceData.municipalityNames());
        return "contract/form";
    }

    /**
     * Amounts in euros as the reader writes them: "2.950.000,00" or "455,5" in Dutch, "2,950,000.00" in English; shown
     * in the form without grouping, in the reader's decimal sign.
     */
    static final class AmountEditor extends PropertyEditorSupport {

        private final boolean dutch;

        AmountEditor(Locale locale) {
            this.dutch = !"en".equals(locale.getLanguage());
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            String plain = text.replace("€", "").replaceAll("\\s", "");
            plain = dutch ? plain.replace(".", "").replace(',', '.') : plain.replace(",", "");
            try {
                setValue(new BigDecimal(plain));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not an amount: " + text, e);
            }
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            if (!(value instanceof BigDecimal amount)) {
                return "";
            }
            String plain = amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()),
                    RoundingMode.UNNECESSARY).toPlainString();
            return dutch ? plain.replace('.', ',') : plain;
        }
    }
}
