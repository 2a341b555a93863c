package dev.procgroups.api;

/**
 * Maps an application type (typically a record) to a {@link Payload} and back. A record is not sent
 * as such: the runtime copies only payload shapes, so that no receiver shares state with the sender
 * and a Lua process can read it. For example:
 *
 * <pre>{@code
 * record Task(String id, long attempt) {}
 * PayloadCodec<Task> TASK = PayloadCodec.of(
 *     t -> Payload.map(Map.of("id", Payload.of(t.id()), "attempt", Payload.of(t.attempt()))),
 *     p -> new Task(p.asMap().get("id").asString(), p.asMap().get("attempt").asLong()));
 * }</pre>
 *
 * @param <T> the application type
 */
public interface PayloadCodec<T> {

  Payload encode(T value);

  /** Reads a received payload; throws {@link IllegalStateException} if it has another shape. */
  T decode(Payload payload);

  /** A codec from two functions. */
  static <T> PayloadCodec<T> of(
      java.util.function.Function<T, Payload> encode,
      java.util.function.Function<Payload, T> decode) {
    return new PayloadCodec<>() {
      @Override
      public Payload encode(T value) {
        return encode.apply(value);
      }

      @Override
      public T decode(Payload payload) {
        return decode.apply(payload);
      }
    };
  }
}
