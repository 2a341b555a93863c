package dev.procgroups.jepsen.control;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.procgroups.daemon.control.Call;
import dev.procgroups.daemon.control.Endpoint;
import dev.procgroups.daemon.control.Health;
import dev.procgroups.daemon.control.Json;
import dev.procgroups.daemon.control.Monitor;
import dev.procgroups.daemon.control.MonitorRead;
import dev.procgroups.daemon.control.NodeStatus;
import dev.procgroups.daemon.control.PgCallException;
import dev.procgroups.daemon.control.Received;
import dev.procgroups.daemon.control.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The harness's side of a node's control endpoint. A pg error comes back as {@link PgCallException}
 * (the call definitely changed nothing); no answer in time, or a broken connection, as {@link
 * IndeterminateException} (the call may or may not have happened).
 */
public final class ControlClient {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<Received>> RECEIVED = new TypeReference<>() {};

  private final HttpClient http;
  private final URI base;
  private final String token;
  private final Duration timeout;

  public ControlClient(HttpClient http, URI base, String token, Duration timeout) {
    this.http = http;
    this.base = base;
    this.token = token;
    this.timeout = timeout;
  }

  /** A shared HTTP/1.1 client suited to many short calls to loopback. */
  public static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
  }

  public Health health() throws PgCallException, IndeterminateException {
    return call(Endpoint.HEALTH, Call.none(), Health.class);
  }

  public NodeStatus status() throws PgCallException, IndeterminateException {
    return call(Endpoint.STATUS, Call.none(), NodeStatus.class);
  }

  public String spawn() throws PgCallException, IndeterminateException {
    return call(Endpoint.SPAWN, Call.none(), String.class);
  }

  public void join(String pid, List<String> groups) throws PgCallException, IndeterminateException {
    call(Endpoint.JOIN, Call.groups(pid, groups), Boolean.class);
  }

  public void leave(String pid, List<String> groups)
      throws PgCallException, IndeterminateException {
    call(Endpoint.LEAVE, Call.groups(pid, groups), Boolean.class);
  }

  public List<String> getMembers(String pid, String group)
      throws PgCallException, IndeterminateException {
    return call(Endpoint.GET_MEMBERS, Call.group(pid, group), STRINGS);
  }

  public List<String> getLocalMembers(String pid, String group)
      throws PgCallException, IndeterminateException {
    return call(Endpoint.GET_LOCAL_MEMBERS, Call.group(pid, group), STRINGS);
  }

  public List<String> whichGroups(String pid) throws PgCallException, IndeterminateException {
    return call(Endpoint.WHICH_GROUPS, Call.of(pid), STRINGS);
  }

  public List<String> whichLocalGroups(String pid) throws PgCallException, IndeterminateException {
    return call(Endpoint.WHICH_LOCAL_GROUPS, Call.of(pid), STRINGS);
  }

  public void broadcast(String pid, String group, String topic, Object payload)
      throws PgCallException, IndeterminateException {
    call(Endpoint.BROADCAST, Call.broadcast(pid, group, topic, payload), Boolean.class);
  }

  public Monitor monitor(String pid, String group) throws PgCallException, IndeterminateException {
    return call(Endpoint.MONITOR, Call.group(pid, group), Monitor.class);
  }

  public MonitorRead readMonitor(String subscription)
      throws PgCallException, IndeterminateException {
    return call(Endpoint.MONITOR_READ, Call.subscription(subscription), MonitorRead.class);
  }

  public List<Received> received(String pid) throws PgCallException, IndeterminateException {
    return call(Endpoint.RECEIVED, Call.of(pid), RECEIVED);
  }

  public void kill(String pid) throws PgCallException, IndeterminateException {
    call(Endpoint.KILL, Call.of(pid), Boolean.class);
  }

  private <T> T call(Endpoint endpoint, Call body, Class<T> type)
      throws PgCallException, IndeterminateException {
    return call(endpoint, body, Json.MAPPER.constructType(type));
  }

  private <T> T call(Endpoint endpoint, Call body, TypeReference<T> type)
      throws PgCallException, IndeterminateException {
    return call(endpoint, body, Json.MAPPER.constructType(type));
  }

  private <T> T call(Endpoint endpoint, Call body, JavaType type)
      throws PgCallException, IndeterminateException {
    HttpResponse<byte[]> response;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve(endpoint.path()))
              .timeout(timeout)
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)))
              .build();
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IndeterminateException(endpoint + " to " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndeterminateException(endpoint + " interrupted", e);
    }
    Reply reply;
    try {
      reply = Json.MAPPER.readValue(response.body(), Reply.class);
    } catch (IOException e) {
      throw new IndeterminateException(
          endpoint + ": unreadable reply (HTTP " + response.statusCode() + ")", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          endpoint
              + " refused (HTTP "
              + response.statusCode()
              + "): "
              + (reply.error() == null ? "" : reply.error().message()));
    }
    if (!reply.ok()) {
      throw new PgCallException(reply.error().kind(), reply.error().message());
    }
    return Json.MAPPER.convertValue(reply.value(), type);
  }
}
