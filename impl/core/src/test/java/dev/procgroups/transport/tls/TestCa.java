package dev.procgroups.transport.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made in a test (EC P-256, BouncyCastle), issuing node certificates as an
 * operator's CA would: the node's name as DNS alternative name and common name, for TLS client and
 * server. Writes the PEM files a node reads.
 */
public final class TestCa {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final X500Name name;
  private final KeyPair keys;
  private final X509Certificate certificate;

  /** A node's certificate and the key that goes with it. */
  public record Issued(X509Certificate certificate, PrivateKey key) {}

  private TestCa(X500Name name, KeyPair keys, X509Certificate certificate) {
    this.name = name;
    this.keys = keys;
    this.certificate = certificate;
  }

  /** A new self-signed authority named {@code commonName}, valid from an hour ago for a day. */
  public static TestCa create(String commonName) {
    X500Name name = new X500Name("CN=" + commonName);
    KeyPair keys = newKeys();
    X509v3CertificateBuilder builder = builder(name, name, keys, Duration.ofDays(1));
    try {
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new TestCa(name, keys, sign(builder, keys.getPrivate()));
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** A certificate for TLS client and server naming {@code names}, valid for a day. */
  public Issued issue(String... names) {
    return issue(Duration.ofDays(1), names);
  }

  /** The same, valid from an hour ago for {@code validity} (under an hour: expired already). */
  public Issued issue(Duration validity, String... names) {
    KeyPair node = newKeys();
    X509v3CertificateBuilder builder =
        builder(name, new X500Name("CN=" + names[0]), node, validity);
    try {
      builder
          .addExtension(
              Extension.subjectAlternativeName,
              false,
              new GeneralNames(
                  Arrays.stream(names)
                      .map(n -> new GeneralName(GeneralName.dNSName, n))
                      .toArray(GeneralName[]::new)))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(
                  new KeyPurposeId[] {
                    KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                  }));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Issued(sign(builder, keys.getPrivate()), node.getPrivate());
  }

  /**
   * Writes {@code node}'s certificate and key and a bundle of {@code trusted} into {@code dir}
   * (cert.pem, key.pem, ca.pem, replaced as a whole if there) and returns the files.
   */
  public static TransportSecurity.Tls write(Path dir, Issued node, List<TestCa> trusted) {
    StringBuilder bundle = new StringBuilder();
    trusted.forEach(ca -> bundle.append(pem("CERTIFICATE", encoded(ca.certificate))));
    TransportSecurity.Tls files =
        new TransportSecurity.Tls(
            dir.resolve("cert.pem"), dir.resolve("key.pem"), dir.resolve("ca.pem"));
    try {
      Files.createDirectories(dir);
      replace(files.certificateChain(), pem("CERTIFICATE", encoded(node.certificate())));
      replace(files.privateKey(), pem("PRIVATE KEY", node.key().getEncoded()));
      replace(files.trustedCertificates(), bundle.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  /** PEM text of one DER object. */
  public static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** Written beside and moved over, as an operator's rotation would. */
  private static void replace(Path file, String content) throws IOException {
    Path next = file.resolveSibling(file.getFileName() + ".next");
    Files.writeString(next, content, StandardCharsets.US_ASCII);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair subjectKeys, Duration validity) {
    Instant from = Instant.now().minus(Duration.ofHours(1));
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, RANDOM).add(BigInteger.ONE),
        Date.from(from),
        Date.from(from.plus(validity)),
        subject,
        subjectKeys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
