package nl.passend.placement;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import nl.passend.api.AftercareApi;
import nl.passend.api.model.AftercareDueDto;
import nl.passend.api.model.AftercarePlanDto;
import nl.passend.api.model.AftercarePlanInputDto;
import nl.passend.api.model.OverdueAftercareTaskDto;

/**
 * Aftercare in the REST contract ({@code AftercareApi}): the referring officers write the plan; they and the offer's
 * intake read it and the lists of who must act (SecurityConfiguration, {@link AftercareService}).
 */
@RestController
class AftercareController implements AftercareApi {

    private final AftercareService aftercare;

    AftercareController(AftercareService aftercare) {
        this.aftercare = aftercare;
    }

    @Override
    public ResponseEntity<AftercarePlanDto> getAftercarePlan(Long id) {
        return ResponseEntity.ok(aftercare.get(id));
    }

    @Override
    public ResponseEntity<AftercarePlanDto> saveAftercarePlan(Long id, AftercarePlanInputDto input) {
        return ResponseEntity.ok(aftercare.save(id, input));
    }

    @Override
    public ResponseEntity<List<AftercareDueDto>> listAftercareDue() {
        return ResponseEntity.ok(aftercare.due());
    }

    @Override
    public ResponseEntity<List<OverdueAftercareTaskDto>> listOverdueAftercareTasks() {
        return ResponseEntity.ok(aftercare.overdueTasks());
    }
}
