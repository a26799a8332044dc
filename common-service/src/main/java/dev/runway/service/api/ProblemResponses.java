package dev.runway.service.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Adds the problem responses to every operation of a service's OpenAPI document: whatever an
 * operation answers on success, its errors are {@link ApiProblem}s ({@code 4XX} and {@code 5XX} as
 * {@code application/problem+json}), as {@code ProblemMappers} and {@code ProblemRoutes} make them.
 * One schema, {@code Problem}, in the components.
 */
public class ProblemResponses implements OASFilter {

  private static final String REF = "#/components/schemas/Problem";

  @Override
  public Operation filterOperation(Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    for (Map.Entry<String, String> range :
        Map.of(
                "4XX", "Refused: the request is wrong (the detail says how to fix it)",
                "5XX", "The service failed or a dependency is away; try again")
            .entrySet()) {
      if (!operation.getResponses().hasAPIResponse(range.getKey())) {
        operation
            .getResponses()
            .addAPIResponse(
                range.getKey(),
                OASFactory.createAPIResponse()
                    .description(range.getValue())
                    .content(
                        OASFactory.createContent()
                            .addMediaType(
                                ProblemMappers.PROBLEM_JSON,
                                OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(REF)))));
      }
    }
    return operation;
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openAPI.setComponents(components);
    }
    Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    Schema number = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER);
    components.addSchema(
        "Problem",
        OASFactory.createSchema()
            .addType(Schema.SchemaType.OBJECT)
            .description("RFC 9457 problem details")
            .required(List.of("status", "title"))
            .addProperty("status", number)
            .addProperty("title", text)
            .addProperty("detail", text)
            .addProperty(
                "errors",
                OASFactory.createSchema()
                    .addType(Schema.SchemaType.ARRAY)
                    .description("Every problem of an invalid document, by path")
                    .items(
                        OASFactory.createSchema()
                            .addType(Schema.SchemaType.OBJECT)
                            .addProperty("path", text)
                            .addProperty("message", text)
                            .addProperty("line", number)
                            .addProperty("column", number))));
  }
}
