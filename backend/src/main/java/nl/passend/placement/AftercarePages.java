package nl.passend.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

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

import nl.passend.api.model.AftercarePartnerDto;
import nl.passend.api.model.AftercarePlanDto;
import nl.passend.api.model.AftercarePlanInputDto;
import nl.passend.api.model.AftercareTaskDto;
import nl.passend.api.model.AftercareTaskInputDto;
import nl.passend.api.model.AftercareTaskStatusDto;
import nl.passend.reference.ReferenceDataService;
import nl.passend.shared.ConflictException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.PageController;
import nl.passend.shared.RefusalWording;
import nl.passend.shared.StaleVersionException;

/**
 * A probation officer's aftercare as pages (JOURNEYS.md, "Aftercare is prepared at home"): the placements that need a
 * plan, the overdue tasks, and a plan with its partners and tasks. Each change sends the whole plan with the version
 * the page showed to the same service as {@link AftercareController}, so the same checks, audit and 409 on a stale
 * version.
 */
@PageController
class AftercarePages {

    private final AftercareService aftercare;
    private final PlacementService placements;
    private final ReferenceDataService referenceData;
    private final MessageSource messages;
    private final RefusalWording refusals;

    AftercarePages(AftercareService aftercare, PlacementService placements, ReferenceDataService referenceData,
            MessageSource messages, RefusalWording refusals) {
        this.refusals = refusals;
        this.aftercare = aftercare;
        this.placements = placements;
        this.referenceData = referenceData;
        this.messages = messages;
    }

    /** The first partner and where the youth returns to: what a new plan needs at least. */
    public static class NewPlan {
        private String returnMunicipality;
        @jakarta.validation.Valid
        private AftercarePartnerDto partner = new AftercarePartnerDto();

        public String getReturnMunicipality() {
            return returnMunicipality;
        }

        public void setReturnMunicipality(String returnMunicipality) {
            this.returnMunicipality = returnMunicipality;
        }

        public AftercarePartnerDto getPartner() {
            return partner;
        }

        public void setPartner(AftercarePartnerDto partner) {
            this.partner = partner;
        }
    }

    @GetMapping("/nazorg")
    String overview(Model model) {
        model.addAttribute("due", aftercare.due());
        model.addAttribute("overdue", aftercare.overdueTasks());
        return "placement/aftercare";
    }

    /** The officer's overdue tasks: a fragment of the start page, loaded by htmx. */
    @GetMapping("/nazorg/achterstallig")
    String overdue(Model model) {
        model.addAttribute("overdue", aftercare.overdueTasks());
        return "placement/aftercare :: overdue";
    }

    @GetMapping("/nazorg/{placementId}")
    String plan(@PathVariable long placementId, Model model) {
        return page(placementId, model);
    }

    /** Makes the plan, with the return municipality and a first partner. */
    @PostMapping("/nazorg/{placementId}")
    String create(@PathVariable long placementId, @Validated @ModelAttribute("plan") NewPlan plan,
            BindingResult errors, Model model) {
        if (plan.getReturnMunicipality() == null) {
            errors.rejectValue("returnMunicipality", "NotNull");
        }
        if (errors.hasErrors()) {
            return page(placementId, model);
        }
        AftercarePlanInputDto input = new AftercarePlanInputDto(plan.getReturnMunicipality(),
                new ArrayList<>(List.of(plan.getPartner())), new ArrayList<>());
        return save(placementId, input, errors, model, field -> field.startsWith("partners[0].")
                ? "partner." + field.substring("partners[0].".length()) : field);
    }

    @PostMapping("/nazorg/{placementId}/partners")
    String addPartner(@PathVariable long placementId, @Validated @ModelAttribute("partner") AftercarePartnerDto partner,
            BindingResult errors, @RequestParam long version, Model model) {
        if (errors.hasErrors()) {
            return page(placementId, model);
        }
        AftercarePlanInputDto input = current(placementId, version);
        input.getPartners().add(partner);
        return save(placementId, input, errors, model, field -> field.replaceFirst("^partners\\[\\d+]\\.", ""));
    }

    @PostMapping("/nazorg/{placementId}/taken")
    String addTask(@PathVariable long placementId, @Validated @ModelAttribute("task") AftercareTaskInputDto task,
            BindingResult errors, @RequestParam long version, Model model) {
        if (errors.hasErrors()) {
            return page(placementId, model);
        }
        AftercarePlanInputDto input = current(placementId, version);
        task.setStatus(AftercareTaskStatusDto.OPEN);
        input.getTasks().add(task);
        return save(placementId, input, errors, model, field -> field.replaceFirst("^tasks\\[\\d+]\\.", ""));
    }

    /** Marks a task done; the rest of the plan stays as the page showed it. */
    @PostMapping("/nazorg/{placementId}/taken/{taskId}/klaar")
    String done(@PathVariable long placementId, @PathVariable long taskId, @RequestParam long version, Model model) {
        AftercarePlanDto plan = aftercare.get(placementId);
        AftercarePlanInputDto input = input(plan, version);
        int index = -1;
        for (int i = 0; i < plan.getTasks().size(); i++) {
            if (plan.getTasks().get(i).getId() == taskId) {
                index = i;
            }
        }
        if (index < 0) {
            // Saving a plan replaces its tasks, so a page older than the plan names a task that is gone.
            model.addAttribute("conflict", messages.getMessage("aftercare.taskGone", null,
                    LocaleContextHolder.getLocale()));
            return page(placementId, model);
        }
        input.getTasks().get(index).setStatus(AftercareTaskStatusDto.DONE);
        try {
            aftercare.save(placementId, input);
            return "redirect:/nazorg/" + placementId;
        } catch (ConflictException | StaleVersionException conflict) {
            model.addAttribute("conflict", refusals.of(conflict));
            return page(placementId, model);
        }
    }

    private String save(long placementId, AftercarePlanInputDto input, BindingResult errors, Model model,
            UnaryOperator<String> field) {
        try {
            aftercare.save(placementId, input);
            return "redirect:/nazorg/" + placementId;
        } catch (InvalidRequestException invalid) {
            refusals.reject(invalid, errors, field);
        } catch (ConflictException | StaleVersionException conflict) {
            model.addAttribute("conflict", refusals.of(conflict));
        }
        return page(placementId, model);
    }

    /** The plan as it is now, to change one thing in, under the version the page showed. */
    private AftercarePlanInputDto current(long placementId, long version) {
        return input(aftercare.get(placementId), version);
    }

    private static AftercarePlanInputDto input(AftercarePlanDto plan, long version) {
        List<AftercareTaskInputDto> tasks = new ArrayList<>();
        for (AftercareTaskDto task : plan.getTasks()) {
            tasks.add(new AftercareTaskInputDto(task.getDescription(), task.getResponsible(), task.getDueDate())
                    .status(task.getStatus()));
        }
        AftercarePlanInputDto input = new AftercarePlanInputDto(plan.getReturnMunicipality(),
                new ArrayList<>(plan.getPartners()), tasks);
        input.setVersion(version);
        return input;
    }

    private String page(long placementId, Model model) {
        // Another organisation's placement is not found here, as in the API.
        Optional<AftercarePlanDto> plan = aftercare.find(placementId);
        model.addAttribute("placement", placements.get(placementId));
        model.addAttribute("aftercarePlan", plan.orElse(null));
        model.addAttribute("municipalities", referenceData.municipalityNames());
        if (!model.containsAttribute("plan")) {
            model.addAttribute("plan", new NewPlan());
        }
        if (!model.containsAttribute("partner")) {
            model.addAttribute("partner", new AftercarePartnerDto());
        }
        if (!model.containsAttribute("task")) {
            model.addAttribute("task", new AftercareTaskInputDto());
        }
        return "placement/plan";
    }
}
