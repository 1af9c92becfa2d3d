package nl.passend.shared;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Publishes the contract where the NLGov API Design Rules look for it ({@code /core/publish-openapi}): in JSON, in
 * the API's base path, without signing in, readable from any web page. It is the contract, not one of its
 * operations, so it is not listed among them.
 */
@RestController
@Hidden
class OpenApiDocumentController {

    @CrossOrigin(origins = "*")
    @GetMapping(path = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode openApiDocument() {
        return OpenApiDocument.contract().document();
    }
}
