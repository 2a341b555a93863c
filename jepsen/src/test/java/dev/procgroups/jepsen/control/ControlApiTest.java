package dev.procgroups.jepsen.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control protocol end to end over real HTTP on loopback, against a small in-memory backend.
 */
class ControlApiTest {
  private static final String TOKEN = "0123456789abcdef-test";

  private final FakeBackend backend = new FakeBackend();
  private ControlServer server;
  private ControlClient client;

  @BeforeEach
  void start() throws Exception {
    server = ControlServer.start(new InetSocketAddress("127.0.0.1", 0), TOKEN, backend);
    client = clientWith(TOKEN, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    backend.release.countDown();
    server.close();
  }

  @Test
  void pgCallsRoundTripAsJson() throws Exception {
    String pid = client.spawn();
    client.join(pid, List.of("g", "g"));
    assertThat(client.getMembers(pid, "g")).containsExactly(pid, pid);
    client.broadcast(pid, "g", "t", Map.of("message", 7));
    assertThat(client.received(pid)).containsExactly(new Received(pid, "t", Map.of("message", 7)));
    Monitor m = client.monitor(pid, "g");
    assertThat(m.members()).containsExactly(pid, pid);
    MonitorRead read = client.readMonitor(m.subscription());
    assertThat(read.events())
        .containsExactly(new MonitorRead.Event("member.joined", "g", List.of("x")));
    assertThat(client.health()).isEqualTo(new Health("n1", 3, 42));
  }

  @Test
  void aPgErrorIsAFailWithItsKind() throws Exception {
    String pid = client.spawn();
    assertThatThrownBy(() -> client.leave(pid, List.of("nope")))
        .isInstanceOf(PgCallException.class)
        .hasMessageContaining("no membership")
        .extracting(e -> ((PgCallException) e).kind())
        .isEqualTo("Invalid");
  }

  @Test
  void noAnswerInTimeIsIndeterminate() throws Exception {
    ControlClient impatient = clientWith(TOKEN, Duration.ofMillis(300));
    assertThatThrownBy(() -> impatient.kill("{n1@app:processes|000001}"))
        .isInstanceOf(IndeterminateException.class);
  }

  @Test
  void refusesCallsWithoutTheToken() {
    assertThatThrownBy(() -> clientWith("wrong-token-wrong-token", Duration.ofSeconds(5)).health())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("401");
    assertThat(backend.calls).isEmpty();
  }

  @Test
  void statusIsJsonAndMetricsPrometheusTextAlsoOnGet() throws Exception {
    assertThat(client.status().peers()).containsExactly(new NodeStatus.Peer("n2", 7));
    HttpResponse<String> status = get("/status", TOKEN);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).startsWith("{\"ok\":true").contains("\"incarnation\":7");
    HttpResponse<String> metrics = get("/metrics", TOKEN);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValue(MetricsServer.PROMETHEUS_TEXT);
    assertThat(metrics.body()).isEqualTo("procgroups_slots{node=\"n1\"} 0\n");
  }

  @Test
  void statusAndMetricsNeedTheTokenAndWritesNeedPost() throws Exception {
    assertThat(get("/status", "wrong-token-wrong-token").statusCode()).isEqualTo(401);
    assertThat(get("/metrics", "wrong-token-wrong-token").statusCode()).isEqualTo(401);
    assertThat(get("/spawn", TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void theMetricsEndpointServesOnlyMetricsToItsOwnToken() throws Exception {
    String metricsToken = "metrics-token-0123456789";
    try (MetricsServer metrics =
        MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), metricsToken, () -> "up 1\n")) {
      String base = "http://127.0.0.1:" + metrics.address().getPort();
      assertThat(get(base + "/metrics", metricsToken).body()).isEqualTo("up 1\n");
      assertThat(get(base + "/metrics", TOKEN).statusCode()).isEqualTo(401);
      assertThat(get(base + "/status", metricsToken).statusCode()).isEqualTo(404);
      assertThat(get(base + "/metrics", null).statusCode()).isEqualTo(401);
    }
  }

  /** GET {@code target} (a path on the control server, or a URL) with {@code token}, if any. */
  private HttpResponse<String> get(String target, String token) throws Exception {
    String url =
        target.startsWith("http")
            ? target
            : "http://127.0.0.1:" + server.address().getPort() + target;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void boundBeforeTheNodeItAnswers503UntilServing() throws Exception {
    server.close();
    server = ControlServer.bind(new InetSocketAddress("127.0.0.1", 0), TOKEN);
    assertThat(get("/health", TOKEN).statusCode()).isEqualTo(503);
    assertThat(get("/health", "wrong-token-wrong-token").statusCode()).isEqualTo(401);
    server.serve(backend);
    assertThat(get("/health", TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThatThrownBy(
            () -> ControlServer.start(new InetSocketAddress("0.0.0.0", 0), TOKEN, backend))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }

  private ControlClient clientWith(String token, Duration timeout) {
    URI base = URI.create("http://127.0.0.1:" + server.address().getPort());
    return new ControlClient(ControlClient.newHttpClient(), base, token, timeout);
  }

  /** Just enough of a node: one process list, joins as a list, one canned event; kill hangs. */
  static final class FakeBackend implements NodeBackend {
    final List<String> calls = new ArrayList<>();
    final List<String> members = new ArrayList<>();
    final List<Received> received = new ArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Health health() {
      calls.add("health");
      return new Health("n1", 3, 42);
    }

    @Override
    public NodeStatus status() {
      return new NodeStatus(
          "n1",
          3,
          42,
          List.of(new NodeStatus.Peer("n2", 7)),
          List.of(new NodeStatus.Scope("app:pg", 1, members.size(), members.size())));
    }

    @Override
    public String metrics() {
      return "procgroups_slots{node=\"n1\"} " + members.size() + "\n";
    }

    @Override
    public String spawn() {
      return "{n1@app:processes|000001}";
    }

    @Override
    public void join(String pid, List<String> groups) {
      groups.forEach(g -> members.add(pid));
    }

    @Override
    public void leave(String pid, List<String> groups) throws PgCallException {
      throw new PgCallException("Invalid", "no membership in " + groups);
    }

    @Override
    public List<String> getMembers(String pid, String group) {
      return members;
    }

    @Override
    public List<String> getLocalMembers(String pid, String group) {
      return members;
    }

    @Override
    public List<String> whichGroups(String pid) {
      return List.of("g");
    }

    @Override
    public List<String> whichLocalGroups(String pid) {
      return List.of("g");
    }

    @Override
    public void broadcast(String pid, String group, String topic, Object payload) {
      received.add(new Received(pid, topic, payload));
    }

    @Override
    public Monitor monitor(String pid, String group) {
      return new Monitor("s1", members);
    }

    @Override
    public MonitorRead readMonitor(String subscription) {
      return new MonitorRead(
          "g", List.of(new MonitorRead.Event("member.joined", "g", List.of("x"))), 0, members);
    }

    @Override
    public List<Received> received(String pid) {
      return received;
    }

    @Override
    public void kill(String pid) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
