package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport names the missing {@code --add-opens} flags instead of failing inside Kryo. */
class JvmOpensTest {

  @Test
  void passesWhenBothPackagesAreOpened() {
    // Surefire runs with the root pom's procgroups.jvm.flags.
    assertThatNoException().isThrownBy(JvmOpens::requireOpened);
  }

  @Test
  @Timeout(60)
  void aJvmWithoutTheFlagsGetsAnErrorNamingThem() throws Exception {
    try (ChildNode child = ChildNode.start(List.of(), probeArguments())) {
      assertThat(child.firstLine()).startsWith("FAILED").contains(JvmOpens.REQUIRED_FLAGS);
    }
  }

  @Test
  @Timeout(60)
  void aJvmWithOnlyTheAtomicFlagIsToldJavaUtilIsMissing() throws Exception {
    List<String> atomicOnly =
        List.of("--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED");
    try (ChildNode child = ChildNode.start(atomicOnly, probeArguments())) {
      assertThat(child.firstLine())
          .startsWith("FAILED")
          .contains(JvmOpens.REQUIRED_FLAGS)
          .contains("reflects into java.util on JDK");
    }
  }

  private static List<String> probeArguments() {
    return ChildNodeMain.arguments(
        "probe",
        FreePorts.next(),
        1,
        SwimProfile.FAST,
        LoopbackCluster.randomSecretHex(),
        List.of());
  }
}
