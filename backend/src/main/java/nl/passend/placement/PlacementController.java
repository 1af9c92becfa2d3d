package nl.passend.placement;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import nl.passend.api.PlacementsApi;
import nl.passend.api.model.PlacementDeclineDto;
import nl.passend.api.model.PlacementDto;
import nl.passend.api.model.PlacementEndDto;
import nl.passend.api.model.PlacementInputDto;
import nl.passend.api.model.PlacementPageDto;
import nl.passend.api.model.PlacementStartDto;
import nl.passend.api.model.PlacementStatusDto;
import nl.passend.api.model.VersionOnlyDto;

/**
 * Placements in the REST contract ({@code PlacementsApi}): a planner proposes a place without seeing the youth, the
 * offer's intake answers, starts and ends it, and the referring officers follow it (SecurityConfiguration).
 */
@RestController
class PlacementController implements PlacementsApi {

    private final PlacementService placements;

    PlacementController(PlacementService placements) {
        this.placements = placements;
    }

    @Override
    public ResponseEntity<PlacementPageDto> listPlacements(PlacementStatusDto status, Integer page, Integer size) {
        return ResponseEntity.ok(placements.list(status, page, size));
    }

    @Override
    public ResponseEntity<PlacementDto> proposePlacement(PlacementInputDto input) {
        PlacementDto placement = placements.propose(input);
        URI location = UriComponentsBuilder.fromPath(PATH_GET_PLACEMENT).buildAndExpand(placement.getId()).toUri();
        return ResponseEntity.created(location).body(placement);
    }

    @Override
    public ResponseEntity<PlacementDto> getPlacement(Long id) {
        return ResponseEntity.ok(placements.get(id));
    }

    @Override
    public ResponseEntity<PlacementDto> acceptPlacement(Long id, VersionOnlyDto request) {
        return ResponseEntity.ok(placements.accept(id, request));
    }

    @Override
    public ResponseEntity<PlacementDto> declinePlacement(Long id, PlacementDeclineDto request) {
        return ResponseEntity.ok(placements.decline(id, request));
    }

    @Override
    public ResponseEntity<PlacementDto> startPlacement(Long id, PlacementStartDto request) {
        return ResponseEntity.ok(placements.start(id, request));
    }

    @Override
    public ResponseEntity<PlacementDto> endPlacement(Long id, PlacementEndDto request) {
        return ResponseEntity.ok(placements.end(id, request));
    }
}
