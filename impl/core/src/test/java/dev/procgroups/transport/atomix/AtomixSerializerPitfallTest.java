package dev.procgroups.transport.atomix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atomix.utils.serializer.Namespaces;
import io.atomix.utils.serializer.Serializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Why the transport hands Atomix nothing but {@code byte[]}: its serializer rejects records and the
 * JDK's immutable collections, which our messages are made of.
 */
class AtomixSerializerPitfallTest {

  record Join(String group, List<String> pids) {}

  private final Serializer atomix = Serializer.using(Namespaces.BASIC);

  @Test
  void atomixSerializerRejectsRecordsAndListOf() {
    assertThatThrownBy(() -> atomix.encode(new Join("g", List.of("p"))))
        .hasMessageContaining("Class is not registered");
    assertThatThrownBy(() -> atomix.encode(List.of("a", "b")))
        .hasMessageContaining("Class is not registered");
    assertThat(atomix.<byte[]>decode(atomix.encode(new byte[] {1, 2}))).containsExactly(1, 2);
  }

  @Test
  void theTransportNeverUsesAtomixSerializers() throws IOException {
    Path sources = Path.of("src/main/java/dev/procgroups/transport/atomix");
    try (Stream<Path> files = Files.list(sources)) {
      List<Path> javaFiles = files.filter(file -> file.toString().endsWith(".java")).toList();
      assertThat(javaFiles).isNotEmpty();
      for (Path file : javaFiles) {
        assertThat(Files.readString(file))
            .as(file.toString())
            .doesNotContain("io.atomix.utils.serializer")
            .doesNotContain("ClusterCommunicationService");
      }
    }
  }
}
