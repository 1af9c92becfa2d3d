package nl.passend.offer;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import nl.passend.api.OffersApi;
import nl.passend.api.model.CapacityReportDto;
import nl.passend.api.model.OfferDto;
import nl.passend.api.model.OfferInputDto;
import nl.passend.api.model.OfferPageDto;
import nl.passend.api.model.SecurityLevelDto;

/**
 * Offers in the REST contract ({@code OffersApi}): everyone signed in finds them; a provider's intake keeps its own
 * and reports their capacity (SecurityConfiguration, {@link OfferService}).
 */
@RestController
class OfferController implements OffersApi {

    private final OfferService offers;

    OfferController(OfferService offers) {
        this.offers = offers;
    }

    @Override
    public ResponseEntity<OfferPageDto> listOffers(String careType, SecurityLevelDto securityLevel,
            SecurityLevelDto minSecurityLevel, String youthRegion, String municipality, List<String> specialism,
            Boolean hasFreePlaces, Long providerId, Long locationId, Boolean active, Integer page, Integer size,
            List<String> sort) {
        var filter = new OfferService.Filter(careType, securityLevel, minSecurityLevel, youthRegion, municipality,
                specialism, hasFreePlaces, providerId, locationId, active);
        return ResponseEntity.ok(offers.list(filter, page, size, sort));
    }

    @Override
    public ResponseEntity<OfferDto> createOffer(OfferInputDto input) {
        OfferDto created = offers.create(input);
        URI location = UriComponentsBuilder.fromPath(PATH_GET_OFFER).buildAndExpand(created.getId()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @Override
    public ResponseEntity<OfferDto> getOffer(Long id) {
        return ResponseEntity.ok(offers.get(id));
    }

    @Override
    public ResponseEntity<OfferDto> updateOffer(Long id, OfferInputDto input) {
        return ResponseEntity.ok(offers.update(id, input));
    }

    @Override
    public ResponseEntity<OfferDto> reportCapacity(Long id, CapacityReportDto report) {
        return ResponseEntity.ok(offers.reportCapacity(id, report));
    }

    @Override
    public ResponseEntity<Void> deleteOffer(Long id) {
        offers.delete(id);
        return ResponseEntity.noContent().build();
    }
}
