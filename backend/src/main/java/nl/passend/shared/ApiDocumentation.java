package nl.passend.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

/** What Swagger UI shows above the operations; the operations themselves come from the contract in api-spec. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI passendOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Passend API")
                .version("v1")
                .summary("Matching youths in the justice system to the right forensic care in Oost-Nederland.")
                .description("The hand-written contract is api-spec/src/main/resources/openapi.yaml; errors are "
                        + "application/problem+json documents with a stable type URI and the violated fields.")
                .license(new License().name("EUPL-1.2").identifier("EUPL-1.2")));
    }
}
