package dev.procgroups.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.cli.JavaCommand;
import dev.procgroups.daemon.control.Call;
import dev.procgroups.daemon.control.Endpoint;
import dev.procgroups.daemon.control.Json;
import dev.procgroups.daemon.control.NodeStatus;
import dev.procgroups.daemon.control.Reply;
import dev.procgroups.node.Node;
import dev.procgroups.node.NodeConfig;
import dev.procgroups.store.MembershipStore;
import dev.procgroups.transport.atomix.FreePorts;
import dev.procgroups.transport.atomix.SwimProfile;
import dev.procgroups.transport.auth.ClusterSecret;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code procgroups node} JVM started from a config file (an option overriding one key),
 * with an in-process peer: the file's scope limit holds, and SIGTERM to the child's PID makes it
 * leave at once (its farewell) and exit 0. The peer's failure detector waits 10 minutes for
 * silence, so within this test only the farewell can take the child down.
 */
@Timeout(180)
class NodeSigtermTest {

  private static final String TOKEN = "0123456789abcdef0123";
  private static final String SCOPE = "app:pg";
  private static final byte[] SECRET =
      HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
  private static final SwimProfile DEAF =
      new SwimProfile(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMinutes(10));

  @Test
  void sigtermLeavesAtOnceAndExitsZero(@TempDir Path dir) throws Exception {
    Path secretFile = dir.resolve("secret");
    Files.writeString(secretFile, HexFormat.of().formatHex(SECRET) + "\n");
    Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
    int control = FreePorts.next();
    try (Node peer =
        Node.start(
            NodeConfig.builder("n1")
                .bind("127.0.0.1", FreePorts.next())
                .secret(ClusterSecret.readFile(secretFile))
                .plaintext()
                .swim(DEAF)
                .scope(SCOPE, Map.of())
                .build())) {
      Path config = dir.resolve("node.json");
      Files.writeString(
          config,
          """
          {
            // the option --name n2 overrides this
            "name": "from-the-file",
            "bind": "127.0.0.1:%d",
            "seeds": ["n1@127.0.0.1:%d"],
            "secret-file": "%s",
            "plaintext": true,
            "data-dir": "%s",
            "scopes": {"%s": {"max_groups": 1}},
            "control": "127.0.0.1:%d"
          }
          """
              .formatted(
                  FreePorts.next(), peer.port(), secretFile, dir.resolve("data"), SCOPE, control));
      ProcessBuilder builder =
          new ProcessBuilder(
                  JavaCommand.procgroups(
                      List.of(), List.of("node", "--config", config.toString(), "--name", "n2")))
              .redirectError(dir.resolve("stderr").toFile());
      builder.environment().put(NodeCommand.TOKEN_ENV, TOKEN);
      builder.environment().remove(NodeCommand.SECRET_ENV);
      Process child = builder.start();
      child.getOutputStream().close();
      try {
        BufferedReader stdout =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readLine(stdout));
        await(ready::isDone, 90, "n2 ready; stderr: " + dir.resolve("stderr"), dir);
        assertThat(ready.get()).contains("n2 ready");

        NodeStatus status =
            Json.MAPPER.convertValue(
                call(control, Endpoint.STATUS, Call.none()).value(), NodeStatus.class);
        assertThat(status.node()).isEqualTo("n2");
        assertThat(status.peers()).extracting(NodeStatus.Peer::name).containsExactly("n1");
        String pid = (String) call(control, Endpoint.SPAWN, Call.none()).value();
        assertThat(call(control, Endpoint.JOIN, Call.groups(pid, List.of("g"))).ok()).isTrue();
        assertThat(call(control, Endpoint.JOIN, Call.groups(pid, List.of("h"))).ok())
            .as("max_groups 1 from the config file")
            .isFalse();
        MembershipStore view = peer.pg().store(SCOPE).orElseThrow();
        await(() -> view.members("g").size() == 1, "n1 sees n2's member");

        new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor();

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("n2 stopped").isTrue();
        assertThat(child.exitValue()).isZero();
        assertThat(readLine(stdout)).contains("n2 left the cluster");
        await(() -> peer.peersUp().isEmpty(), "n1 reports n2 down (farewell)");
        await(() -> view.members("g").isEmpty(), "n1 dropped n2's member");
      } finally {
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** One control call as the Jepsen harness makes it: POST, JSON in and out, the token. */
  private static Reply call(int port, Endpoint endpoint, Call body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + endpoint.path()))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)))
            .build();
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(endpoint.path()).isEqualTo(200);
    return Json.MAPPER.readValue(response.body(), Reply.class);
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Waits up to 30 s, far below the peer's 10 minute silence limit. */
  private static void await(BooleanSupplier condition, String what) throws Exception {
    await(condition, 30, what, null);
  }

  private static void await(BooleanSupplier condition, int seconds, String what, Path dir)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        String stderr = dir == null ? "" : Files.readString(dir.resolve("stderr"));
        throw new AssertionError("not within " + seconds + " s: " + what + "\n" + stderr);
      }
      Thread.sleep(50);
    }
  }
}
