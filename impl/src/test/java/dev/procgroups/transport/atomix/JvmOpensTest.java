package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport explains the missing {@code --add-opens} instead of failing inside Kryo. */
class JvmOpensTest {

  @Test
  void passesWhenTheAtomicPackageIsOpened() {
    // Surefire runs with the root pom's procgroups.jvm.opens.
    assertThatNoException().isThrownBy(JvmOpens::requireAtomicOpened);
  }

  @Test
  @Timeout(60)
  void aJvmWithoutTheFlagGetsAnErrorNamingIt() throws Exception {
    List<String> args =
        ChildNodeMain.arguments("probe", FreePorts.next(), 1, SwimProfile.FAST,
        LoopbackCluster.randomSecretHex(), List.of());
    try (ChildNode child = ChildNode.start(List.of(), args)) {
      assertThat(child.firstLine())
          .startsWith("FAILED")
          .contains(JvmOpens.REQUIRED_FLAG);
    }
  }
}
