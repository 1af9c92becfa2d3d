package nl.passend.location;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.passend.api.model.LocationDto;
import nl.passend.api.model.LocationInputDto;
import nl.passend.api.model.LocationPageDto;
import nl.passend.audit.RegistryEdits;
import nl.passend.provider.Provider;
import nl.passend.provider.ProviderService;
import nl.passend.reference.Municipality;
import nl.passend.reference.ReferenceDataService;
import nl.passend.security.CurrentActor;
import nl.passend.shared.ForbiddenException;
import nl.passend.shared.InvalidRequestException;
import nl.passend.shared.NotFoundException;
import nl.passend.shared.Paging;

/**
 * Registers and changes providers' locations. A provider's intake changes only its own provider's, and another's is
 * answered 404 (DESIGN.md, Security and privacy); reading them is open to everyone signed in.
 */
@Service
@Transactional
public class LocationService {

    /** The sort keys of the list, and the property each sorts by. */
    static final Map<String, String> SORTABLE =
            Map.of("id", "id", "name", "name", "municipality", "municipality.name");

    private final LocationRepository locations;
    private final ProviderService providers;
    private final ReferenceDataService referenceData;
    private final CurrentActor currentActor;
    private final RegistryEdits edits;
    private final LocationMapper mapper;

    LocationService(LocationRepository locations, ProviderService providers, ReferenceDataService referenceData,
            CurrentActor currentActor, RegistryEdits edits, LocationMapper mapper) {
        this.locations = locations;
        this.providers = providers;
        this.referenceData = referenceData;
        this.currentActor = currentActor;
        this.edits = edits;
        this.mapper = mapper;
    }

    @Transactional(readOnly = true)
    LocationPageDto list(@Nullable Long providerId, @Nullable String municipality, @Nullable String youthRegion,
            @Nullable Boolean active, int page, int size, List<String> sort) {
        if (youthRegion != null) {
            referenceData.requireYouthRegion("youthRegion", youthRegion);
        }
        return mapper.toPageDto(locations.search(providerId, municipality, youthRegion, active,
                Paging.pageable(page, size, sort, SORTABLE)));
    }

    @Transactional(readOnly = true)
    LocationDto get(long id) {
        return mapper.toDto(find(id));
    }

    LocationDto create(LocationInputDto input) {
        Location location = new Location();
        apply(input, location);
        return edits.create(locations, "location", location, mapper::toDto);
    }

    LocationDto update(long id, LocationInputDto input) {
        return edits.update(locations, "location", findOwn(id), input.getVersion(),
                location -> apply(input, location), mapper::toDto);
    }

    void delete(long id) {
        edits.delete(locations, "location", findOwn(id), "offers");
    }

    /** The location a request names in {@code field}, which must be one of the current actor's own provider. */
    public Location requireOwn(String field, long id) {
        Location location = locations.findById(id)
                .orElseThrow(() -> InvalidRequestException.unknown(field, "location", id));
        if (!currentActor.get().belongsTo(location.getProvider().getOrganisationId())) {
            throw new ForbiddenException("Location " + id + " is not one of your own provider's locations.");
        }
        return location;
    }

    /** Another organisation's location is answered as if it did not exist: 404, not 403 (DESIGN.md). */
    private Location findOwn(long id) {
        Location location = find(id);
        if (!currentActor.get().belongsTo(location.getProvider().getOrganisationId())) {
            throw new NotFoundException("location", id);
        }
        return location;
    }

    private Location find(long id) {
        return locations.findById(id).orElseThrow(() -> new NotFoundException("location", id));
    }

    private void apply(LocationInputDto input, Location location) {
        if ((input.getLatitude() == null) != (input.getLongitude() == null)) {
            String missing = input.getLatitude() == null ? "latitude" : "longitude";
            throw new InvalidRequestException(missing, "must be given together with the other coordinate");
        }
        String name = input.getName().strip();
        if (name.isEmpty()) {
            throw new InvalidRequestException("name", "must not be blank");
        }
        Municipality municipality = referenceData.requireMunicipality("municipalityCode", input.getMunicipalityCode());
        Provider provider = providers.require("providerId", input.getProviderId());
        if (!currentActor.get().belongsTo(provider.getOrganisationId())) {
            throw new ForbiddenException("You may register locations only for your own provider.");
        }
        location.setProvider(provider);
        location.setName(name);
        location.setStreet(input.getStreet());
        location.setPostalCode(input.getPostalCode() == null ? null : normalisePostalCode(input.getPostalCode()));
        location.setMunicipality(municipality);
        // Without coordinates of its own, a location is placed at its municipality's centroid.
        location.setLatitude(input.getLatitude() == null ? municipality.getLatitude() : coordinate(input.getLatitude()));
        location.setLongitude(input.getLongitude() == null ? municipality.getLongitude() : coordinate(input.getLongitude()));
        location.setActive(!Boolean.FALSE.equals(input.getActive()));
    }

    /**
     * Dutch postal codes are written "7201 AB". The contract's pattern lets through only four digits and two capitals,
     * with or without the space, so the cut after four characters is safe.
     */
    private static String normalisePostalCode(String postalCode) {
        String compact = postalCode.replace(" ", "");
        return compact.substring(0, 4) + " " + compact.substring(4);
    }

    /** Rounded here to the column's six decimals (about 0.1 m), rather than left to the database to round. */
    private static BigDecimal coordinate(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP);
    }
}
