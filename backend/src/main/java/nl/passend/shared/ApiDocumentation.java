package nl.passend.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** What Swagger UI shows above the operations; the operations themselves come from the contract in api-spec. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI passendOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Passend API")
                .version(OpenApiDocument.contract().version())
                .summary("Matching youths in the justice system to the right forensic care in Oost-Nederland.")
                .description("The hand-written contract is api-spec/src/main/resources/openapi.yaml; errors are "
                        + "application/problem+json documents with a stable type URI and the violated fields.")
                .license(new License().name("EUPL-1.2").identifier("EUPL-1.2")))
                .components(new Components()
                        .addSecuritySchemes("basicAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A user account; the demo users are in the README"))
                        .addSecuritySchemes("bearerAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A token of the identity provider (profile jwt)")));
    }
}
