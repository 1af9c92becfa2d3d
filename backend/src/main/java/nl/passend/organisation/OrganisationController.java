package nl.passend.organisation;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import nl.passend.api.OrganisationsApi;
import nl.passend.api.model.OrganisationDto;
import nl.passend.api.model.OrganisationInputDto;
import nl.passend.api.model.OrganisationPageDto;
import nl.passend.api.model.OrganisationTypeDto;

/**
 * Organisations in the REST contract ({@code OrganisationsApi}): everyone signed in reads them, admins keep them
 * (SecurityConfiguration).
 */
@RestController
class OrganisationController implements OrganisationsApi {

    private final OrganisationService organisations;

    OrganisationController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @Override
    public ResponseEntity<OrganisationPageDto> listOrganisations(OrganisationTypeDto type, String municipality,
            String name, Boolean active, Integer page, Integer size, List<String> sort) {
        return ResponseEntity.ok(organisations.list(type, municipality, name, active, page, size, sort));
    }

    @Override
    public ResponseEntity<OrganisationDto> createOrganisation(OrganisationInputDto input) {
        OrganisationDto created = organisations.create(input);
        URI location = UriComponentsBuilder.fromPath(PATH_GET_ORGANISATION).buildAndExpand(created.getId()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @Override
    public ResponseEntity<OrganisationDto> getOrganisation(Long id) {
        return ResponseEntity.ok(organisations.get(id));
    }

    @Override
    public ResponseEntity<OrganisationDto> updateOrganisation(Long id, OrganisationInputDto input) {
        return ResponseEntity.ok(organisations.update(id, input));
    }

    @Override
    public ResponseEntity<Void> deleteOrganisation(Long id) {
        organisations.delete(id);
        return ResponseEntity.noContent().build();
    }
}
