package dev.procgroups.jepsen.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.daemon.control.ControlServer;
import dev.procgroups.daemon.control.FakeBackend;
import dev.procgroups.daemon.control.Health;
import dev.procgroups.daemon.control.Monitor;
import dev.procgroups.daemon.control.MonitorRead;
import dev.procgroups.daemon.control.NodeStatus;
import dev.procgroups.daemon.control.PgCallException;
import dev.procgroups.daemon.control.Received;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The harness's client against the daemon's control server over real HTTP on loopback, with a small
 * in-memory backend: results and pg errors come back as the harness reads them, no answer in time
 * is indeterminate.
 */
class ControlClientTest {
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
    assertThat(client.status().peers()).containsExactly(new NodeStatus.Peer("n2", 7));
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

  private ControlClient clientWith(String token, Duration timeout) {
    URI base = URI.create("http://127.0.0.1:" + server.address().getPort());
    return new ControlClient(ControlClient.newHttpClient(), base, token, timeout);
  }
}
