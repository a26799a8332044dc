package dev.runway.service.persistence;

import dev.runway.common.manifest.Environment;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Every entity's {@link Environment} field is stored as the name on the bus ({@code staging}), so
 * the columns read the same as before the field was typed and as the events that filled them.
 */
@Converter(autoApply = true)
public class EnvironmentColumn implements AttributeConverter<Environment, String> {

  @Override
  public String convertToDatabaseColumn(Environment environment) {
    return environment == null ? null : environment.wire();
  }

  @Override
  public Environment convertToEntityAttribute(String column) {
    return column == null ? null : Environment.of(column);
  }
}
