package nl.passend.location;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import nl.passend.api.LocationsApi;
import nl.passend.api.model.LocationDto;
import nl.passend.api.model.LocationInputDto;
import nl.passend.api.model.LocationPageDto;

/**
 * Locations in the REST contract ({@code LocationsApi}): everyone signed in reads them; a provider's intake keeps its
 * own provider's (SecurityConfiguration, {@link LocationService}).
 */
@RestController
class LocationController implements LocationsApi {

    private final LocationService locations;

    LocationController(LocationService locations) {
        this.locations = locations;
    }

    @Override
    public ResponseEntity<LocationPageDto> listLocations(Long providerId, String municipality, String youthRegion,
            Boolean active, Integer page, Integer size, List<String> sort) {
        return ResponseEntity.ok(locations.list(providerId, municipality, youthRegion, active, page, size, sort));
    }

    @Override
    public ResponseEntity<LocationDto> createLocation(LocationInputDto input) {
        LocationDto created = locations.create(input);
        URI location = UriComponentsBuilder.fromPath(PATH_GET_LOCATION).buildAndExpand(created.getId()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @Override
    public ResponseEntity<LocationDto> getLocation(Long id) {
        return ResponseEntity.ok(locations.get(id));
    }

    @Override
    public ResponseEntity<LocationDto> updateLocation(Long id, LocationInputDto input) {
        return ResponseEntity.ok(locations.update(id, input));
    }

    @Override
    public ResponseEntity<Void> deleteLocation(Long id) {
        locations.delete(id);
        return ResponseEntity.noContent().build();
    }
}
