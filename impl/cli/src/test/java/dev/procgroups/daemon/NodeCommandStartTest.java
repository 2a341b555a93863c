package dev.procgroups.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.cli.JavaCommand;
import dev.procgroups.metrics.ProcgroupsMetrics;
import dev.procgroups.node.Node;
import dev.procgroups.node.NodeConfig;
import dev.procgroups.transport.atomix.FreePorts;
import dev.procgroups.transport.auth.ClusterSecret;
import dev.procgroups.transport.tls.TestCa;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code procgroups node} in a child JVM: a misconfigured node is refused before it joins, with one
 * line and exit code 2; a node with the wrong secret never says it is ready.
 */
@Timeout(120)
class NodeCommandStartTest {

  private static final String TOKEN = "0123456789abcdef0123";
  private static final String GOOD_SECRET =
      HexFormat.of()
          .formatHex(
              new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});

  private record Outcome(int exitCode, String stdout, List<String> stderr) {}

  @Test
  void aShortControlTokenIsRefusedInOneLine() throws Exception {
    Outcome refused =
        run(List.of(), Map.of(NodeCommand.TOKEN_ENV, "short", NodeCommand.SECRET_ENV, GOOD_SECRET));
    assertRefused(refused, "at least 16 characters");
  }

  @Test
  void aWeakSecretIsRefusedInOneLine() throws Exception {
    String sixteenAs =
        HexFormat.of().formatHex("aaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII));
    assertRefused(
        run(List.of(), Map.of(NodeCommand.TOKEN_ENV, TOKEN, NodeCommand.SECRET_ENV, sixteenAs)),
        "too weak");
  }

  @Test
  void aSecretFileOthersCanReadIsRefusedInOneLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, GOOD_SECRET + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertRefused(
        run(List.of("--secret-file", file.toString()), Map.of(NodeCommand.TOKEN_ENV, TOKEN)),
        "chmod 600");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"bnid\": \"127.0.0.1:7000\"} | unknown key \"bnid\"",
        "{\"scopes\": {\"app:pg\": {\"max_groups\": 0}}} | scope app:pg: max_groups",
        "{\"scopes\": {\"app:pg\": {\"max_grups\": 5}}} | scope app:pg: max_grups",
        "{\"scopes\": {\"app:pg\": {\"max_groups\": \"ten\"}}} | max_groups",
        "{\"policy-file\": \"/nonexistent/policy.json\"} | cannot read policy file",
        "{\"policy-file\": \"POLICY\"} | policy file",
        "{\"seeds\": \"n1@h:1\"} | config file",
        "{\"swim\": \"slow\"} | swim: fast or default",
        "{\"name\": 7} | config file",
        "{} {} | config file"
      })
  void aMisconfigurationInTheConfigFileIsRefusedInOneLine(
      String config, String reason, @TempDir Path dir) throws Exception {
    Path policy = dir.resolve("policy.json");
    Files.writeString(policy, "{\"rules\": [{\"effect\": \"alow\"}]}");
    Path file = dir.resolve("node.json");
    Files.writeString(file, config.replace("POLICY", policy.toString()));
    assertRefused(
        run(
            List.of("--config", file.toString()),
            Map.of(NodeCommand.TOKEN_ENV, TOKEN, NodeCommand.SECRET_ENV, GOOD_SECRET)),
        reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "| no transport security chosen",
        "--plaintext --tls-cert N9/cert.pem | not both",
        "--tls-cert N9/cert.pem | all three",
        "--tls-cert N9/cert.pem --tls-key OTHER/key.pem --tls-ca CA | does not belong to",
        "--tls-cert N9/cert.pem --tls-key N9/key.pem --tls-ca /nonexistent/ca.pem"
            + " | cannot read TLS file /nonexistent/ca.pem",
        "--tls-cert N2/cert.pem --tls-key N2/key.pem --tls-ca CA | not node n9"
      })
  void aMissingOrUnusableTlsChoiceIsRefusedInOneLine(
      String options, String reason, @TempDir Path dir) throws Exception {
    TestCa ca = TestCa.create("cluster-ca");
    TestCa.write(dir.resolve("n9"), ca.issue("n9"), List.of(ca));
    TestCa.write(dir.resolve("other"), ca.issue("n9"), List.of(ca));
    TestCa.write(dir.resolve("n2"), ca.issue("n2"), List.of(ca));
    List<String> args = new ArrayList<>();
    if (options != null) {
      for (String option : options.split(" ")) {
        args.add(
            option
                .replace("N9", dir.resolve("n9").toString())
                .replace("N2", dir.resolve("n2").toString())
                .replace("OTHER", dir.resolve("other").toString())
                .replace("CA", dir.resolve("n9").resolve("ca.pem").toString()));
      }
    }
    assertRefused(
        runCommand(
            commandAsGiven(args),
            Map.of(NodeCommand.TOKEN_ENV, TOKEN, NodeCommand.SECRET_ENV, GOOD_SECRET)),
        reason);
  }

  @Test
  void aBusyControlPortIsRefusedBeforeJoining() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertRefused(
          run(
              List.of("--control", "127.0.0.1:" + busy.getLocalPort()),
              Map.of(NodeCommand.TOKEN_ENV, TOKEN, NodeCommand.SECRET_ENV, GOOD_SECRET)),
          "cannot listen");
    }
  }

  @Test
  void aNodeWithTheWrongSecretIsNeverReady(@TempDir Path dir) throws Exception {
    int port = FreePorts.next();
    Path log = dir.resolve("node.log");
    try (Node honest =
        Node.start(
            NodeConfig.builder("n1")
                .bind("127.0.0.1", port)
                .scope("app:pg", Map.of())
                .secret(ClusterSecret.random())
                .plaintext()
                .build())) {
      ProcessBuilder builder =
          new ProcessBuilder(command(List.of("--seeds", "n1@127.0.0.1:" + port)))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put(NodeCommand.TOKEN_ENV, TOKEN);
      builder.environment().put(NodeCommand.SECRET_ENV, GOOD_SECRET);
      Process child = builder.start();
      child.getOutputStream().close();
      try {
        // The honest node rejects the child's greetings once the child runs; then some more.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (rejected(honest) == 0) {
          assertThat(System.nanoTime()).as("the child greeted n1").isLessThan(deadline);
          Thread.sleep(100);
        }
        child.waitFor(3, TimeUnit.SECONDS);
      } finally {
        child.destroy();
        child.waitFor(10, TimeUnit.SECONDS);
      }
      assertThat(Files.readString(log)).doesNotContain("ready");
      assertThat(honest.peersUp()).isEmpty();
    }
  }

  private static double rejected(Node node) {
    return node.config()
        .meters()
        .get(ProcgroupsMetrics.REJECTED)
        .tag("layer", "transport")
        .functionCounter()
        .count();
  }

  private static void assertRefused(Outcome outcome, String reason) {
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderr())
        .singleElement()
        .asString()
        .startsWith("procgroups node: ")
        .contains(reason);
    assertThat(outcome.stdout()).isEmpty();
  }

  private static Outcome run(List<String> extra, Map<String, String> env)
      throws IOException, InterruptedException {
    return runCommand(command(extra), env);
  }

  private static Outcome runCommand(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove(NodeCommand.TOKEN_ENV);
    builder.environment().remove(NodeCommand.SECRET_ENV);
    builder.environment().putAll(env);
    Process child = builder.start();
    child.getOutputStream().close();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the node stopped by itself").isTrue();
    String stdout = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    List<String> stderr =
        new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .filter(line -> !line.isBlank())
            .toList();
    return new Outcome(child.exitValue(), stdout, stderr);
  }

  /** A node in plaintext (chosen) with {@code extra}. */
  private static List<String> command(List<String> extra) {
    List<String> args = new ArrayList<>(extra);
    args.add("--plaintext");
    return commandAsGiven(args);
  }

  /** A node with {@code extra} and no choice of TLS or plaintext of its own. */
  private static List<String> commandAsGiven(List<String> extra) {
    List<String> args =
        new ArrayList<>(List.of("node", "--name", "n9", "--bind", "127.0.0.1:" + FreePorts.next()));
    if (!extra.contains("--control")) {
      args.addAll(List.of("--control", "127.0.0.1:" + FreePorts.next()));
    }
    args.addAll(extra);
    return JavaCommand.procgroups(List.of(), args);
  }
}
