package dev.procgroups.api;

import dev.procgroups.process.Limits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message payload of the shapes every node (and the Lua binding) can copy: nothing, a string, a
 * whole number, a floating point number, a boolean, and lists and string-keyed maps of those, at
 * most {@value Limits#MAX_PAYLOAD_DEPTH} containers deep. Only those shapes can be built, so a
 * payload that compiles is one that can be sent. Immutable.
 *
 * <p>A broadcast carries exactly one payload: use {@link #list} for several values. A message sent
 * by a Lua process with several values arrives as a list.
 */
public final class Payload {

  private static final Payload NONE = new Payload(null, 0);

  private final Object value;
  private final int depth;

  private Payload(Object value, int depth) {
    if (depth > Limits.MAX_PAYLOAD_DEPTH) {
      throw new IllegalArgumentException(
          "a payload is at most " + Limits.MAX_PAYLOAD_DEPTH + " containers deep");
    }
    this.value = value;
    this.depth = depth;
  }

  public static Payload none() {
    return NONE;
  }

  public static Payload of(String value) {
    return new Payload(Objects.requireNonNull(value, "value"), 0);
  }

  public static Payload of(long value) {
    return new Payload(value, 0);
  }

  public static Payload of(double value) {
    return new Payload(value, 0);
  }

  public static Payload of(boolean value) {
    return new Payload(value, 0);
  }

  public static Payload list(Payload... elements) {
    return list(List.of(elements));
  }

  public static Payload list(List<Payload> elements) {
    List<Object> values = new ArrayList<>(elements.size());
    int deepest = 0;
    for (Payload element : elements) {
      values.add(element.value);
      deepest = Math.max(deepest, element.depth);
    }
    return new Payload(Collections.unmodifiableList(values), deepest + 1);
  }

  public static Payload map(Map<String, Payload> entries) {
    Map<String, Object> values = new LinkedHashMap<>();
    int deepest = 0;
    for (Map.Entry<String, Payload> entry : entries.entrySet()) {
      values.put(Objects.requireNonNull(entry.getKey(), "key"), entry.getValue().value);
      deepest = Math.max(deepest, entry.getValue().depth);
    }
    return new Payload(Collections.unmodifiableMap(values), deepest + 1);
  }

  /** A payload as received: already copied by the runtime, so of the shapes above. */
  static Payload received(Object copied) {
    return new Payload(copied, 0);
  }

  /** The plain value handed to the runtime (which copies it once more on send). */
  Object value() {
    return value;
  }

  public boolean isNone() {
    return value == null;
  }

  public String asString() {
    return as(String.class);
  }

  public long asLong() {
    return as(Long.class);
  }

  public double asDouble() {
    return value instanceof Long l ? l.doubleValue() : as(Double.class);
  }

  public boolean asBoolean() {
    return as(Boolean.class);
  }

  public List<Payload> asList() {
    List<?> list = as(List.class);
    return list.stream().map(Payload::received).toList();
  }

  public Map<String, Payload> asMap() {
    Map<?, ?> map = as(Map.class);
    Map<String, Payload> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put((String) k, received(v)));
    return Collections.unmodifiableMap(out);
  }

  private <T> T as(Class<T> type) {
    if (!type.isInstance(value)) {
      throw new IllegalStateException("payload is " + describe() + ", not " + type.getSimpleName());
    }
    return type.cast(value);
  }

  private String describe() {
    return value == null ? "none" : value.getClass().getSimpleName();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Payload p && Objects.equals(value, p.value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
