package dev.procgroups.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's TLS files are refused at load, in one line naming the fault, whenever a peer would
 * refuse them or they could not work: unreadable, a key of another certificate, a certificate of
 * another authority, expired, not naming the node, a key not in PKCS#8. Rotated files are taken up
 * once whole; a half-written set is left unused.
 */
class TlsMaterialTest {

  @TempDir Path dir;

  private final TestCa ca = TestCa.create("cluster-ca");

  @Test
  void goodFilesLoadAndNameTheNode() {
    TestCa.Issued n1 = ca.issue("n1", "host1.example");
    ReloadingTls tls = ReloadingTls.load(TestCa.write(dir, n1, List.of(ca)), "n1");
    assertThat(tls.current().chain()).containsExactly(n1.certificate());
    assertThat(tls.current().trusted()).containsExactly(ca.certificate());
    assertThat(CertificateNames.of(n1.certificate())).containsExactly("n1", "host1.example");
  }

  @Test
  void aMissingFileIsRefused() {
    TransportSecurity.Tls files = TestCa.write(dir, ca.issue("n1"), List.of(ca));
    TransportSecurity.Tls missing =
        new TransportSecurity.Tls(
            files.certificateChain(), dir.resolve("nope.pem"), files.trustedCertificates());
    assertRefused(missing, "n1", "cannot read TLS file " + dir.resolve("nope.pem"));
  }

  @Test
  void aKeyOfAnotherCertificateIsRefused() throws Exception {
    TransportSecurity.Tls files = TestCa.write(dir, ca.issue("n1"), List.of(ca));
    TransportSecurity.Tls other = TestCa.write(dir.resolve("other"), ca.issue("n1"), List.of(ca));
    Files.copy(other.privateKey(), files.privateKey(), StandardCopyOption.REPLACE_EXISTING);
    assertRefused(files, "n1", "does not belong to certificate CN=n1");
  }

  @Test
  void aCertificateOfAnotherAuthorityIsRefused() {
    TestCa other = TestCa.create("other-ca");
    assertRefused(TestCa.write(dir, other.issue("n1"), List.of(ca)), "n1", "is not accepted under");
  }

  @Test
  void anExpiredCertificateIsRefused() {
    assertRefused(
        TestCa.write(dir, ca.issue(Duration.ofMinutes(30), "n1"), List.of(ca)),
        "n1",
        "is not accepted under");
  }

  @Test
  void aCertificateForAnotherNameIsRefused() {
    assertRefused(TestCa.write(dir, ca.issue("n2"), List.of(ca)), "n1", "names [n2], not node n1");
  }

  @Test
  void aKeyNotInPkcs8IsRefusedWithTheCommandThatConvertsIt() throws Exception {
    TransportSecurity.Tls files = TestCa.write(dir, ca.issue("n1"), List.of(ca));
    Files.writeString(
        files.privateKey(),
        Files.readString(files.privateKey()).replace("PRIVATE KEY", "EC PRIVATE KEY"));
    assertRefused(files, "n1", "openssl pkcs8 -topk8 -nocrypt");
  }

  @Test
  void rotatedFilesAreTakenUpOnceWholeAndAHalfWrittenSetIsLeftUnused() throws Exception {
    TestCa.Issued first = ca.issue("n1");
    TransportSecurity.Tls files = TestCa.write(dir, first, List.of(ca));
    ReloadingTls tls = ReloadingTls.load(files, "n1");
    assertThat(tls.reloadIfChanged()).as("nothing changed").isFalse();

    TestCa.Issued second = ca.issue("n1");
    TransportSecurity.Tls staged = TestCa.write(dir.resolve("staged"), second, List.of(ca));
    Files.copy(
        staged.certificateChain(), files.certificateChain(), StandardCopyOption.REPLACE_EXISTING);
    assertThat(tls.reloadIfChanged()).as("new certificate, old key").isFalse();
    assertThat(tls.current().chain()).containsExactly(first.certificate());

    Files.copy(staged.privateKey(), files.privateKey(), StandardCopyOption.REPLACE_EXISTING);
    assertThat(tls.reloadIfChanged()).as("both new").isTrue();
    assertThat(tls.current().chain()).containsExactly(second.certificate());
    assertThat(tls.reloads()).isEqualTo(1);
  }

  private static void assertRefused(TransportSecurity.Tls files, String node, String why) {
    assertThatThrownBy(() -> ReloadingTls.load(files, node))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(why)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
