package dev.procgroups.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The last incarnation a node used, kept in its data directory ({@code incarnation}, one decimal
 * line), so that each start's incarnation is larger than every earlier one of the same data
 * directory whatever the wall clock does: the next is the larger of the wall clock's centiseconds
 * and the last one plus one. Written to a temporary file, forced to disk and renamed over the old
 * one before the node joins, so a crash leaves either the old or the new value, never a torn one.
 */
public final class IncarnationFile {

  static final String NAME = "incarnation";

  private IncarnationFile() {}

  /** Chooses this start's incarnation in {@code dataDir} (made if missing) and records it. */
  public static long next(Path dataDir, long wallMillis) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(NAME);
    long last = Files.exists(file) ? read(file) : 0;
    // Centiseconds keep the PID counter's k << 24 within a long until 2144 (docs/DECISIONS.md).
    long next = Math.max(wallMillis / 10, last + 1);
    Path temporary = dataDir.resolve(NAME + ".tmp");
    try (FileChannel out =
        FileChannel.open(
            temporary,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap((next + "\n").getBytes(StandardCharsets.US_ASCII)));
      out.force(true);
    }
    Files.move(
        temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return next;
  }

  private static long read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    try {
      long last = Long.parseLong(text);
      if (last > 0) {
        return last;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IOException(file + " does not hold a positive incarnation: " + text);
  }
}
