package dev.procgroups.daemon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.procgroups.daemon.control.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The config file of {@code procgroups node}: JSON (comments allowed), one key per command-line
 * option of the same name, plus {@code scopes} with each scope's limits and {@code policy-file}.
 * Every key is optional; a flag given on the command line wins. An unknown key, a value of the
 * wrong type or trailing text is an error naming it, so a typo never silently drops a setting.
 *
 * <p>JSON through Jackson, as the policy file ({@code PolicyFile}): the project already reads both
 * with the same library, and binding to this record reports the exact unknown key.
 */
record NodeConfigFile(
    String name,
    String bind,
    List<String> seeds,
    String swim,
    @JsonProperty("secret-file") String secretFile,
    @JsonProperty("data-dir") String dataDir,
    Map<String, Map<String, Object>> scopes,
    @JsonProperty("policy-file") String policyFile,
    String control,
    String metrics,
    @JsonProperty("tls-cert") String tlsCert,
    @JsonProperty("tls-key") String tlsKey,
    @JsonProperty("tls-ca") String tlsCa,
    Boolean plaintext) {

  static final NodeConfigFile EMPTY =
      new NodeConfigFile(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  private static final ObjectMapper MAPPER =
      Json.strictStrings(
          new ObjectMapper()
              .configure(JsonParser.Feature.ALLOW_COMMENTS, true)
              .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
              .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
              .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true));

  /** Reads {@code file}; any problem is an {@link IllegalArgumentException} in one line. */
  static NodeConfigFile read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": " + e);
    }
    try {
      NodeConfigFile config = MAPPER.readValue(text, NodeConfigFile.class);
      if (config == null) {
        throw new IllegalArgumentException("config file " + file + ": a JSON object, not null");
      }
      return config;
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(
          "config file "
              + file
              + ": unknown key \""
              + e.getPropertyName()
              + "\" (known: "
              + String.join(", ", knownKeys())
              + ")");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("config file " + file + ": " + describe(e));
    }
  }

  /** The key it concerns (if any), what is wrong, and where: one line. */
  private static String describe(JsonProcessingException e) {
    String key = "";
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      key =
          "\""
              + m.getPath().stream()
                  .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                  .collect(Collectors.joining("."))
              + "\": ";
    }
    String what = e.getOriginalMessage().lines().findFirst().orElse("");
    int aside = what.indexOf(" (but could");
    String where =
        e.getLocation() == null
            ? ""
            : " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    return key + (aside < 0 ? what : what.substring(0, aside)) + where;
  }

  private static List<String> knownKeys() {
    return List.of(
        "name",
        "bind",
        "seeds",
        "swim",
        "secret-file",
        "data-dir",
        "scopes",
        "policy-file",
        "control",
        "metrics",
        "tls-cert",
        "tls-key",
        "tls-ca",
        "plaintext");
  }
}
