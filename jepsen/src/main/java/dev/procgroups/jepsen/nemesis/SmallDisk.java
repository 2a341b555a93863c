package dev.procgroups.jepsen.nemesis;

import dev.procgroups.jepsen.net.Shell;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A node's data directory on a small tmpfs of its own, which the full-disk nemesis fills. Mounted
 * only in a private mount namespace (the harness runs under {@code ip netns exec}, which gives it
 * one, and the node JVMs it starts copy it), so nothing shows outside the run and the real disk is
 * never filled: the tmpfs is {@value #SIZE} large.
 */
public final class SmallDisk {

  static final String SIZE = "256k";
  private static final String FILLER = "full-disk-filler";

  private final Path dir;

  private SmallDisk(Path dir) {
    this.dir = dir;
  }

  /** Mounts a {@value #SIZE} tmpfs on {@code dir} (made if missing). */
  public static SmallDisk mount(Path dir) {
    if (!inPrivateMountNamespace()) {
      throw new IllegalStateException(
          "a small disk is mounted only in the run's own mount namespace (ip netns exec)");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Shell.run(
            "mount",
            "-t",
            "tmpfs",
            "-o",
            "size=" + SIZE + ",mode=0755",
            "procgroups-jepsen",
            dir.toString())
        .orThrow();
    return new SmallDisk(dir);
  }

  /**
   * Whether this process has a mount namespace of its own: not its parent's (the outer {@code
   * procgroups jepsen}, whose child {@code ip netns exec} unshared one and exec'd this JVM).
   */
  private static boolean inPrivateMountNamespace() {
    try {
      long parent = ProcessHandle.current().parent().orElseThrow().pid();
      return !Files.readSymbolicLink(Path.of("/proc/self/ns/mnt"))
          .equals(Files.readSymbolicLink(Path.of("/proc/" + parent + "/ns/mnt")));
    } catch (IOException | java.util.NoSuchElementException e) {
      return false;
    }
  }

  /** Fills the disk: a file of zeros until a write fails for want of space. */
  public void fill() {
    OutputStream out;
    try {
      out = Files.newOutputStream(dir.resolve(FILLER));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fill " + dir, e);
    }
    byte[] chunk = new byte[4096];
    try (out) {
      while (true) {
        out.write(chunk);
      }
    } catch (IOException full) {
      // No space left on device: what we wanted.
    }
  }

  /** Frees the space {@link #fill()} took. */
  public void free() {
    try {
      Files.deleteIfExists(dir.resolve(FILLER));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot free " + dir, e);
    }
  }

  /** Unmounts the tmpfs (its files go with it). */
  public void unmount() {
    Shell.run("umount", dir.toString());
  }
}
