package dev.procgroups.jepsen.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The node's control endpoint: HTTP on a loopback address only, every request carrying the
 * harness's token. Translates {@link Call}s into {@link NodeBackend} calls and results into {@link
 * Reply}s: 200 for pg results and pg errors, 400 for a malformed or unknown-target call, 401
 * without the token, 404 for an unknown path.
 */
public final class ControlServer implements AutoCloseable {

  /**
   * The largest request body: a broadcast payload is at most 1 MiB in the wire encoding, and its
   * JSON form a few times that. A larger body is refused (413) without being read.
   */
  static final int MAX_BODY_BYTES = 4 << 20;

  /** Seconds a client may take to send a request (or read a reply) before it is disconnected. */
  static final int MAX_EXCHANGE_SECONDS = 5;

  private static final int WORKERS = 16;

  static {
    // Without TCP_NODELAY small replies wait for the peer's delayed ACK (about 40 ms a call).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // Workers read requests: without these, 16 clients that connect and never finish a request
    // hold every worker for good (the JDK server reads these once, before its first use).
    System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(MAX_EXCHANGE_SECONDS));
    System.setProperty("sun.net.httpserver.maxRspTime", Integer.toString(MAX_EXCHANGE_SECONDS));
    System.setProperty("sun.net.httpserver.timerMillis", "250");
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final byte[] token;
  private final NodeBackend backend;

  private ControlServer(
      HttpServer server, ExecutorService workers, String token, NodeBackend backend) {
    this.server = server;
    this.workers = workers;
    this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.backend = backend;
  }

  /** Starts serving on {@code address}, which must be a loopback address. */
  public static ControlServer start(InetSocketAddress address, String token, NodeBackend backend)
      throws IOException {
    if (address.getAddress() == null || !address.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "the control endpoint listens on loopback only, not " + address);
    }
    if (token == null || token.length() < 16) {
      throw new IllegalArgumentException("the control token must have at least 16 characters");
    }
    HttpServer http = HttpServer.create(address, 64);
    ExecutorService workers =
        Executors.newFixedThreadPool(
            WORKERS,
            r -> {
              Thread t = new Thread(r, "control");
              t.setDaemon(true);
              return t;
            });
    ControlServer server = new ControlServer(http, workers, token, backend);
    http.createContext("/", server::handle);
    http.setExecutor(workers);
    http.start();
    return server;
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange exchange) {
    try {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), token)) {
        send(exchange, 401, Reply.error("Unauthorized", "missing or wrong control token"));
        return;
      }
      Endpoint endpoint = Endpoint.ofPath(exchange.getRequestURI().getPath());
      if (endpoint == null || !"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 404, Reply.error("NotFound", "POST one of the control endpoints"));
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (body.length > MAX_BODY_BYTES) {
        send(
            exchange,
            413,
            Reply.error("TooLarge", "the body is larger than " + MAX_BODY_BYTES + " bytes"));
        return;
      }
      send(exchange, 200, Reply.value(dispatch(endpoint, parse(body))));
    } catch (PgCallException e) {
      send(exchange, 200, Reply.error(e.kind(), e.getMessage()));
    } catch (IllegalArgumentException | IOException e) {
      send(exchange, 400, Reply.error("BadRequest", String.valueOf(e.getMessage())));
    } catch (RuntimeException e) {
      send(exchange, 500, Reply.error("Internal", e.toString()));
    } finally {
      exchange.close();
    }
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

  private Object dispatch(Endpoint endpoint, Call c) throws PgCallException {
    return switch (endpoint) {
      case HEALTH -> backend.health();
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

  private static void send(HttpExchange exchange, int status, Reply reply) {
    try {
      byte[] body = Json.MAPPER.writeValueAsBytes(reply);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException e) {
      // The harness went away (timeout); nothing to tell it.
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
