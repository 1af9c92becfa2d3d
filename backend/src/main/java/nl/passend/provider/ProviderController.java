package nl.passend.provider;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import nl.passend.api.ProvidersApi;
import nl.passend.api.model.ProviderDto;
import nl.passend.api.model.ProviderInputDto;
import nl.passend.api.model.ProviderPageDto;

/**
 * Providers in the REST contract ({@code ProvidersApi}): everyone signed in reads them, admins register them
 * (SecurityConfiguration).
 */
@RestController
class ProviderController implements ProvidersApi {

    private final ProviderService providers;

    ProviderController(ProviderService providers) {
        this.providers = providers;
    }

    @Override
    public ResponseEntity<ProviderPageDto> listProviders(String name, Boolean active, Integer page, Integer size,
            List<String> sort) {
        return ResponseEntity.ok(providers.list(name, active, page, size, sort));
    }

    @Override
    public ResponseEntity<ProviderDto> createProvider(ProviderInputDto input) {
        ProviderDto created = providers.create(input);
        URI location = UriComponentsBuilder.fromPath(PATH_GET_PROVIDER).buildAndExpand(created.getId()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @Override
    public ResponseEntity<ProviderDto> getProvider(Long id) {
        return ResponseEntity.ok(providers.get(id));
    }

    @Override
    public ResponseEntity<ProviderDto> updateProvider(Long id, ProviderInputDto input) {
        return ResponseEntity.ok(providers.update(id, input));
    }

    @Override
    public ResponseEntity<Void> deleteProvider(Long id) {
        providers.delete(id);
        return ResponseEntity.noContent().build();
    }
}
