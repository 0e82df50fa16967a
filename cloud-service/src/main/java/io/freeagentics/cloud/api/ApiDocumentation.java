package io.freeagentics.cloud.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The OpenAPI description of the API, generated at compile time and served at
 * {@code /swagger/freeagentics-cloud-api-0.1.yml}.
 */
@OpenAPIDefinition(
    info = @Info(title = "FreeAgentics cloud API", version = "0.1",
        description = "Fleets, devices, device twins, agents' beliefs and commands of the FreeAgentics Edge cloud."
            + " Users authenticate with HTTP Basic; errors are ApiError bodies naming every bad field."),
    security = @SecurityRequirement(name = "basicAuth"))
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic")
final class ApiDocumentation {
  private ApiDocumentation() {}
}
