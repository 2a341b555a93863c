package dev.procgroups.jepsen.harness;

import static dev.procgroups.model.history.Values.map;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.procgroups.daemon.control.Json;
import dev.procgroups.model.checkers.CheckResult;
import dev.procgroups.model.checkers.Problem;
import dev.procgroups.model.checkers.Validity;
import dev.procgroups.model.history.EdnWriter;
import dev.procgroups.model.history.History;
import dev.procgroups.model.history.HistoryEdn;
import dev.procgroups.model.history.Keyword;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's folder, {@code <store>/<workload>/<timestamp>/}: {@code history.edn} (one Jepsen op map
 * per line, as Jepsen writes it, so Knossos and Elle can read it), {@code results.edn} and {@code
 * results.json}, the node logs and the report.
 */
public final class Store {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");

  private final Path dir;

  private Store(Path dir) {
    this.dir = dir;
  }

  /**
   * Makes a fresh folder for a run of {@code workload} under {@code root}, and points {@code
   * root/latest} and {@code root/<workload>/latest} at it (as Jepsen's store does).
   */
  public static Store create(Path root, String workload) throws IOException {
    String stamp = LocalDateTime.now().format(STAMP);
    Path dir = root.resolve(workload).resolve(stamp);
    Files.createDirectories(dir);
    link(root.resolve("latest"), Path.of(workload, stamp));
    link(root.resolve(workload).resolve("latest"), Path.of(stamp));
    return new Store(dir);
  }

  private static void link(Path link, Path target) throws IOException {
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, target);
  }

  public Path dir() {
    return dir;
  }

  public Path writeHistory(History history) throws IOException {
    return Files.writeString(dir.resolve("history.edn"), HistoryEdn.writeLines(history));
  }

  /** Writes {@code results.edn} and {@code results.json}; returns the EDN file. */
  public Path writeResults(String workload, List<CheckResult> results, Map<String, Object> config)
      throws IOException {
    Map<Keyword, Object> edn = new LinkedHashMap<>();
    edn.put(Keyword.of("workload"), workload);
    edn.put(Keyword.of("valid?"), validity(Verdicts.overall(results)));
    List<Object> checkers = new ArrayList<>();
    for (CheckResult r : results) {
      List<Object> problems = new ArrayList<>();
      for (Problem p : r.problems()) {
        problems.add(map("kind", p.kind(), "detail", p.detail(), "ops", p.ops()));
      }
      Map<Keyword, Object> counts = new LinkedHashMap<>();
      r.counts().forEach((k, v) -> counts.put(Keyword.of(k), v));
      checkers.add(
          map(
              "checker",
              r.checker(),
              "valid?",
              validity(r.validity()),
              "checked",
              r.checked(),
              "checkable",
              r.checkable(),
              "coverage",
              r.coverage(),
              "problems",
              problems,
              "counts",
              counts));
    }
    edn.put(Keyword.of("checkers"), checkers);
    Map<Keyword, Object> cfg = new LinkedHashMap<>();
    config.forEach((k, v) -> cfg.put(Keyword.of(k), v));
    edn.put(Keyword.of("config"), cfg);
    Files.writeString(
        dir.resolve("results.json"),
        Json.MAPPER
            .copy()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(plain(edn)));
    return Files.writeString(dir.resolve("results.edn"), EdnWriter.write(edn) + "\n");
  }

  /** Copies node logs in (they are written elsewhere while nodes run). */
  public void keepLogs(List<Path> logs) throws IOException {
    for (Path log : logs) {
      if (Files.exists(log) && !log.toAbsolutePath().getParent().equals(dir.toAbsolutePath())) {
        Files.copy(
            log, dir.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Jepsen's {@code :valid?}: true, false or {@code :unknown}. */
  private static Object validity(Validity v) {
    return v == Validity.UNKNOWN ? Keyword.of("unknown") : v == Validity.VALID;
  }

  /** The EDN value with keywords as plain strings, for Jackson. */
  private static Object plain(Object value) {
    if (value instanceof Keyword k) {
      return k.name();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(plain(k)), plain(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(Store::plain).toList();
    }
    return value;
  }
}
