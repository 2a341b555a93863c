package dev.procgroups.daemon.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The node's control endpoint: HTTP on a loopback address only, every request carrying the client's
 * token. Translates {@link Call}s into {@link NodeBackend} calls and results into {@link Reply}s
 * (and {@code /metrics} in Prometheus' text format): 200 for pg results and pg errors, 400 for a
 * malformed or unknown-target call, 401 without the token, 404 for an unknown path, 413 for a body
 * over {@link #MAX_BODY_BYTES}. The connection and time limits are {@link HttpListener}'s.
 */
public final class ControlServer implements AutoCloseable, HttpExchange.Routes {

  /**
   * The largest request body: a broadcast payload is at most 1 MiB in the wire encoding, and its
   * JSON form a few times that. A larger body is refused (413) without being read.
   */
  static final int MAX_BODY_BYTES = HttpListener.Limits.DEFAULT.maxBodyBytes();

  private static final String JSON = "application/json";

  private final BearerToken token;
  private volatile NodeBackend backend; // null until serve(): every call answers 503
  private HttpListener listener;

  private ControlServer(BearerToken token, NodeBackend backend) {
    this.token = token;
    this.backend = backend;
  }

  /**
   * Binds {@code address} (loopback only) before there is a node to serve, answering 503 until
   * {@link #serve}: a node daemon binds first, so a busy or wrong address is refused before the
   * node joins its cluster.
   */
  public static ControlServer bind(InetSocketAddress address, String token) throws IOException {
    return start(address, token, null, HttpListener.Limits.DEFAULT);
  }

  /** From now on, answers calls with {@code backend}. */
  public void serve(NodeBackend backend) {
    this.backend = backend;
  }

  /** Starts serving on {@code address}, which must be a loopback address. */
  public static ControlServer start(InetSocketAddress address, String token, NodeBackend backend)
      throws IOException {
    return start(address, token, backend, HttpListener.Limits.DEFAULT);
  }

  static ControlServer start(
      InetSocketAddress address, String token, NodeBackend backend, HttpListener.Limits limits)
      throws IOException {
    if (address.getAddress() == null || !address.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "the control endpoint listens on loopback only, not " + address);
    }
    ControlServer server = new ControlServer(new BearerToken(token, "control"), backend);
    server.listener = HttpListener.startOrFail(address, limits, server);
    return server;
  }

  public InetSocketAddress address() {
    return listener.address();
  }

  /** The endpoint's connection counts now. */
  ConnectionWatch.Counts connections() throws Exception {
    return listener.connections();
  }

  @Override
  public HttpExchange.Answer handle(HttpExchange request) {
    if (!token.admits(request.authorization())) {
      return json(401, Reply.error("Unauthorized", "missing or wrong control token"));
    }
    NodeBackend backend = this.backend;
    if (backend == null) {
      return json(503, Reply.error("Starting", "the node is starting"));
    }
    Endpoint endpoint = Endpoint.ofPath(request.path());
    boolean get = "GET".equals(request.method()) && endpoint != null && endpoint.readOnly();
    if (endpoint == null || !("POST".equals(request.method()) || get)) {
      return json(
          404,
          Reply.error(
              "NotFound", "POST one of the control endpoints (GET /health, /status, /metrics)"));
    }
    try {
      if (endpoint == Endpoint.METRICS) {
        return new HttpExchange.Answer(
            200, MetricsServer.PROMETHEUS_TEXT, backend.metrics().getBytes(StandardCharsets.UTF_8));
      }
      return json(
          200,
          Reply.value(dispatch(backend, endpoint, parse(request.body()).checkedFor(endpoint))));
    } catch (PgCallException e) {
      return json(200, Reply.error(e.kind(), e.getMessage()));
    } catch (IllegalArgumentException | IOException e) {
      return json(400, Reply.error("BadRequest", String.valueOf(e.getMessage())));
    } catch (RuntimeException e) {
      return json(500, Reply.error("Internal", e.toString()));
    }
  }

  @Override
  public HttpExchange.Answer tooLarge(int maxBodyBytes) {
    return json(413, Reply.error("TooLarge", "the body is larger than " + maxBodyBytes + " bytes"));
  }

  @Override
  public HttpExchange.Answer malformed(String why) {
    return json(400, Reply.error("BadRequest", "not an HTTP/1.1 request: " + why));
  }

  /** The call in {@code body}; an empty body is a call without arguments, JSON null is not. */
  private static Call parse(byte[] body) throws IOException {
    if (body.length == 0) {
      return Call.none();
    }
    Call call = Json.MAPPER.readValue(body, Call.class);
    if (call == null) {
      throw new IllegalArgumentException("the body must be a JSON object, not null");
    }
    return call;
  }

  private static Object dispatch(NodeBackend backend, Endpoint endpoint, Call c)
      throws PgCallException {
    return switch (endpoint) {
      case HEALTH -> backend.health();
      case STATUS -> backend.status();
      case METRICS -> throw new IllegalStateException("text, not JSON: answered in handle");
      case SPAWN -> backend.spawn();
      case JOIN -> {
        backend.join(c.pid(), c.groups());
        yield true;
      }
      case LEAVE -> {
        backend.leave(c.pid(), c.groups());
        yield true;
      }
      case GET_MEMBERS -> backend.getMembers(c.pid(), c.group());
      case GET_LOCAL_MEMBERS -> backend.getLocalMembers(c.pid(), c.group());
      case WHICH_GROUPS -> backend.whichGroups(c.pid());
      case WHICH_LOCAL_GROUPS -> backend.whichLocalGroups(c.pid());
      case BROADCAST -> {
        backend.broadcast(c.pid(), c.group(), c.topic(), c.payload());
        yield true;
      }
      case MONITOR -> backend.monitor(c.pid(), c.group());
      case MONITOR_READ -> backend.readMonitor(c.subscription());
      case RECEIVED -> backend.received(c.pid());
      case KILL -> {
        backend.kill(c.pid());
        yield true;
      }
    };
  }

  private static HttpExchange.Answer json(int status, Reply reply) {
    try {
      return new HttpExchange.Answer(status, JSON, Json.MAPPER.writeValueAsBytes(reply));
    } catch (JsonProcessingException e) {
      // A value the backend returned that Jackson cannot write: a bug, said in a plain reply.
      byte[] body =
          ("{\"ok\":false,\"error\":{\"kind\":\"Internal\",\"message\":\"unwritable reply\"}}")
              .getBytes(StandardCharsets.UTF_8);
      return new HttpExchange.Answer(500, JSON, body);
    }
  }

  @Override
  public void close() {
    listener.close();
  }
}
