package dev.procgroups.transport.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's TLS material, read again whenever one of its files changes: {@link #reloadIfChanged}
 * (called every second by the transport, on a thread of its own) compares the files' bytes with
 * those last seen, and when they differ checks the new set as a whole ({@link TlsMaterial}) before
 * new connections use it. A set that fails the check (a half-finished rotation: a new certificate
 * beside the old key) is logged once and left unused; the last good material stays until the files
 * are whole again. Connections already open keep the session they were made with. Thread-safe.
 */
public final class ReloadingTls {

  private static final Logger LOG = LoggerFactory.getLogger(ReloadingTls.class);

  private final TransportSecurity.Tls files;
  private final String nodeName;
  private volatile TlsMaterial current;
  private List<byte[]> seen; // the bytes last read, good or not; guarded by this
  private long reloads; // guarded by this

  private ReloadingTls(TransportSecurity.Tls files, String nodeName) {
    this.files = files;
    this.nodeName = nodeName;
  }

  /**
   * Reads and checks the files of node {@code nodeName}; anything unreadable or wrong is an {@link
   * IllegalArgumentException} in one line, before anything listens.
   */
  public static ReloadingTls load(TransportSecurity.Tls files, String nodeName) {
    ReloadingTls tls = new ReloadingTls(files, nodeName);
    List<byte[]> bytes = tls.read();
    tls.current = tls.check(bytes);
    tls.seen = bytes;
    LOG.info("{}: TLS with {}", nodeName, TlsMaterial.describe(tls.current.chain().get(0)));
    return tls;
  }

  /** The material new connections use now. */
  public TlsMaterial current() {
    return current;
  }

  /** How many times new material replaced the one loaded at start. */
  public synchronized long reloads() {
    return reloads;
  }

  /** Takes up the files' new content, if it changed and is whole; true if it did. */
  public synchronized boolean reloadIfChanged() {
    List<byte[]> bytes;
    try {
      bytes = read();
    } catch (IllegalArgumentException e) {
      return false; // a file missing for a moment, mid-rotation: the next look sees it
    }
    if (sameBytes(bytes, seen)) {
      return false;
    }
    seen = bytes;
    long start = System.nanoTime();
    try {
      current = check(bytes);
    } catch (RuntimeException e) { // whatever it is, the last good material stays in use
      LOG.warn("{}: TLS files changed but not used: {}", nodeName, e.getMessage());
      return false;
    }
    reloads++;
    LOG.info(
        "{}: TLS reloaded in {} ms, now {}",
        nodeName,
        (System.nanoTime() - start) / 1_000_000,
        TlsMaterial.describe(current.chain().get(0)));
    return true;
  }

  private TlsMaterial check(List<byte[]> bytes) {
    return TlsMaterial.of(files, nodeName, bytes.get(0), bytes.get(1), bytes.get(2));
  }

  private List<byte[]> read() {
    return List.of(
        read(files.certificateChain()),
        read(files.privateKey()),
        read(files.trustedCertificates()));
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException("cannot read TLS file " + file + ": " + e);
    }
  }

  private static boolean sameBytes(List<byte[]> a, List<byte[]> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
