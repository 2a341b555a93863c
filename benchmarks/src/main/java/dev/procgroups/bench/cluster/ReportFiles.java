package dev.procgroups.bench.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a {@link ClusterReport} as JSON (snake_case keys) and as a Markdown table. */
public final class ReportFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ReportFiles() {}

  public static void writeJson(ClusterReport report, Path file) throws IOException {
    createParent(file);
    JSON.writeValue(file.toFile(), report);
  }

  public static ClusterReport readJson(Path file) throws IOException {
    return JSON.readValue(file.toFile(), ClusterReport.class);
  }

  public static void writeMarkdown(ClusterReport report, Path file) throws IOException {
    createParent(file);
    Files.writeString(file, MarkdownReport.render(report));
  }

  private static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
