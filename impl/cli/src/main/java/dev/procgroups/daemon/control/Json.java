package dev.procgroups.daemon.control;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The one Jackson mapper of the control API (records in and out, unknown fields tolerated). A
 * number or boolean where a string is expected is an error, not its text: {@code /join} with {@code
 * [42]} must not create a group "42".
 */
public final class Json {
  public static final ObjectMapper MAPPER =
      strictStrings(
          new ObjectMapper()
              .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
              // "{} x" is not a call: trailing text is an error, not ignored.
              .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true));

  private Json() {}

  /** {@code mapper}, refusing numbers and booleans where a string goes. */
  public static ObjectMapper strictStrings(ObjectMapper mapper) {
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }
}
