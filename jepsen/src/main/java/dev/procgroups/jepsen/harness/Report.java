package dev.procgroups.jepsen.harness;

import dev.procgroups.model.checkers.CheckResult;
import dev.procgroups.model.checkers.Problem;
import dev.procgroups.model.history.History;
import dev.procgroups.model.history.OpType;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The HTML report of a run: verdicts with each checker's counts and coverage, the problems, plots
 * made with JFreeChart — latency of every call, latency quantiles per operation over time,
 * throughput by outcome, a timeline per client process — with the faults as bands coloured by kind
 * (named in the legend and the fault table, not on the plot, so they never overlap), the
 * interactive {@code timeline.html}, and links to the history, results and node logs.
 */
final class Report {

  private static final int WIDTH = 1100;
  private static final int HEIGHT = 360;
  private static final double NANOS_PER_SECOND = 1e9;

  /** Outcome colours, the same in every plot: ok green, fail red, info amber. */
  private static final Map<OpType, Color> OUTCOME =
      Map.of(
          OpType.OK,
          new Color(60, 160, 60),
          OpType.FAIL,
          new Color(200, 60, 60),
          OpType.INFO,
          new Color(230, 170, 30));

  /** Fault band colours by the nemesis :f that begins the fault. */
  private static final Map<String, Color> FAULT_COLOURS =
      Map.of(
          "start-partition",
          new Color(90, 110, 255, 50),
          "kill",
          new Color(255, 60, 60, 50),
          "pause",
          new Color(120, 120, 120, 60),
          "start-loss",
          new Color(180, 80, 220, 50),
          "start-impostor",
          new Color(255, 160, 0, 60),
          "start-clock",
          new Color(0, 170, 170, 50),
          "start-bandwidth",
          new Color(60, 180, 60, 50),
          "start-disk-full",
          new Color(140, 90, 40, 60));

  private static final Color OTHER_FAULT = new Color(255, 120, 80, 50);
  private static final long BUCKET_NANOS = 1_000_000_000L;
  private static final double[] QUANTILES = {0.5, 0.95, 0.99, 1.0};
  private static final Color[] QUANTILE_COLOURS = {
    new Color(40, 90, 200), new Color(40, 160, 70), new Color(240, 140, 0), new Color(200, 40, 40)
  };
  private static final int PROBLEMS_SHOWN = 25;

  private Report() {}

  /** Writes {@code report.html} and its PNG plots into {@code dir}; returns the HTML file. */
  static Path write(
      Path dir,
      String title,
      History history,
      List<CheckResult> results,
      Map<String, Object> config)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<History.Call> calls = history.calls();
    FaultSpans faults = FaultSpans.of(history);
    save(dir.resolve("latency.png"), latency(calls, faults));
    Map<String, List<History.Call>> byF = new TreeMap<>();
    calls.stream()
        .filter(c -> c.completion() != null)
        .forEach(
            c ->
                byF.computeIfAbsent(c.invoke().f().name(), f -> new java.util.ArrayList<>())
                    .add(c));
    ChartUtils.saveChartAsPNG(
        dir.resolve("latency-quantiles.png").toFile(),
        quantiles(byF, faults),
        WIDTH,
        Math.max(HEIGHT, 170 * byF.size()));
    save(dir.resolve("throughput.png"), throughput(calls, faults));
    save(dir.resolve("timeline.png"), timeline(calls, faults, history));
    Files.writeString(dir.resolve("timeline.html"), TimelineHtml.of(title, history, faults));
    return Files.writeString(
        dir.resolve("report.html"), html(title, results, config, faults, byF, dir));
  }

  private static JFreeChart latency(List<History.Call> calls, FaultSpans faults) {
    Map<String, XYSeries> byF = new TreeMap<>();
    for (History.Call c : calls) {
      if (c.completion() != null) {
        double ms = Math.max(0.01, (c.completion().time() - c.invoke().time()) / 1e6);
        byF.computeIfAbsent(
                c.invoke().f().name() + " " + c.outcome().keyword().name(), XYSeries::new)
            .add(c.invoke().time() / NANOS_PER_SECOND, ms);
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    byF.values().forEach(data::addSeries);
    JFreeChart chart =
        ChartFactory.createScatterPlot(
            "Latency (shaded: faults in force)",
            "time (s)",
            "latency (ms)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    LogarithmicAxis log = new LogarithmicAxis("latency (ms, log scale)");
    log.setStrictValuesFlag(false);
    plot.setRangeAxis(log);
    shade(plot, faults);
    return chart;
  }

  private static JFreeChart throughput(List<History.Call> calls, FaultSpans faults) {
    Map<OpType, XYSeries> byType = new TreeMap<>();
    Map<OpType, TreeMap<Long, Integer>> perSecond = new TreeMap<>();
    for (History.Call c : calls) {
      if (c.completion() != null) {
        perSecond
            .computeIfAbsent(c.outcome(), t -> new TreeMap<>())
            .merge(c.completion().time() / 1_000_000_000L, 1, Integer::sum);
      }
    }
    perSecond.forEach(
        (type, counts) -> {
          XYSeries s = byType.computeIfAbsent(type, t -> new XYSeries(t.keyword().name()));
          counts.forEach((second, n) -> s.add(second.doubleValue(), n.doubleValue()));
        });
    XYSeriesCollection data = new XYSeriesCollection();
    byType.values().forEach(data::addSeries);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Throughput by outcome (completions per second)",
            "time (s)",
            "calls / s",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    int i = 0;
    for (OpType t : byType.keySet()) {
      chart.getXYPlot().getRenderer().setSeriesPaint(i++, OUTCOME.get(t));
    }
    shade(chart.getXYPlot(), faults);
    return chart;
  }

  private static JFreeChart timeline(List<History.Call> calls, FaultSpans faults, History history) {
    long end = history.operations().isEmpty() ? 0 : history.get(history.size() - 1).time();
    Map<OpType, XYIntervalSeries> byType = new TreeMap<>();
    for (OpType t : List.of(OpType.OK, OpType.FAIL, OpType.INFO)) {
      byType.put(t, new XYIntervalSeries(t.keyword().name()));
    }
    for (History.Call c : calls) {
      double from = c.invoke().time() / NANOS_PER_SECOND;
      double to = (c.completion() == null ? end : c.completion().time()) / NANOS_PER_SECOND;
      int p = c.invoke().process();
      byType.get(c.outcome()).add(from, from, to, p, p - 0.4, p + 0.4);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    byType.values().forEach(data::addSeries);
    XYBarRenderer bars = new XYBarRenderer();
    bars.setUseYInterval(true);
    bars.setShadowVisible(false);
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setSeriesPaint(0, OUTCOME.get(OpType.OK));
    bars.setSeriesPaint(1, OUTCOME.get(OpType.FAIL));
    bars.setSeriesPaint(2, OUTCOME.get(OpType.INFO));
    NumberAxis processes = new NumberAxis("client process");
    processes.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYPlot plot = new XYPlot(data, new NumberAxis("time (s)"), processes, bars);
    shade(plot, faults);
    return new JFreeChart("Operations per process (green ok, red fail, amber info)", plot);
  }

  /**
   * p50, p95, p99 and max latency per second, one small plot per operation, on a shared time axis.
   */
  private static JFreeChart quantiles(Map<String, List<History.Call>> byF, FaultSpans faults) {
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("time (s)"));
    byF.forEach(
        (f, calls) -> {
          Map<Long, List<Double>> buckets = new TreeMap<>();
          for (History.Call c : calls) {
            buckets
                .computeIfAbsent(c.invoke().time() / BUCKET_NANOS, b -> new java.util.ArrayList<>())
                .add(Math.max(0.01, (c.completion().time() - c.invoke().time()) / 1e6));
          }
          XYSeriesCollection data = new XYSeriesCollection();
          for (double q : QUANTILES) {
            XYSeries series = new XYSeries(q == 1.0 ? "max" : "p" + Math.round(q * 100));
            buckets.forEach((b, ms) -> series.add(b + 0.5, quantile(ms, q)));
            data.addSeries(series);
          }
          LogarithmicAxis log = new LogarithmicAxis(f + " (ms)");
          log.setStrictValuesFlag(false);
          XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
          for (int i = 0; i < QUANTILE_COLOURS.length; i++) {
            lines.setSeriesPaint(i, QUANTILE_COLOURS[i]);
            lines.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
          }
          XYPlot plot = new XYPlot(data, null, log, lines);
          // max last, on top: below 100 calls a second p99 is the max (nearest rank), and drawn
          // the other way round the red max was hidden under it everywhere.
          plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
          shade(plot, faults);
          combined.add(plot);
        });
    LegendItemCollection legend = new LegendItemCollection();
    for (int i = 0; i < QUANTILES.length; i++) {
      legend.add(
          new LegendItem(
              QUANTILES[i] == 1.0 ? "max" : "p" + Math.round(QUANTILES[i] * 100),
              QUANTILE_COLOURS[i]));
    }
    combined.setFixedLegendItems(legend);
    return new JFreeChart(
        "Latency quantiles per operation (p50, p95, p99, max per second)", combined);
  }

  /** The {@code q} quantile (nearest rank) of {@code values}; sorts them. */
  static double quantile(List<Double> values, double q) {
    values.sort(null);
    return values.get(Math.max(0, (int) Math.ceil(q * values.size()) - 1));
  }

  /** White background, and the faults as translucent bands (coloured by kind) behind the data. */
  private static void shade(XYPlot plot, FaultSpans faults) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    for (FaultSpans.Span s : faults.spans()) {
      IntervalMarker m =
          new IntervalMarker(s.start() / NANOS_PER_SECOND, s.end() / NANOS_PER_SECOND);
      m.setPaint(FAULT_COLOURS.getOrDefault(s.kind(), OTHER_FAULT));
      plot.addDomainMarker(m, Layer.BACKGROUND);
    }
  }

  private static void save(Path file, JFreeChart chart) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
  }

  private static String html(
      String title,
      List<CheckResult> results,
      Map<String, Object> config,
      FaultSpans faults,
      Map<String, List<History.Call>> byF,
      Path dir)
      throws IOException {
    StringBuilder h =
        new StringBuilder("<!doctype html><meta charset=utf-8><title>")
            .append(esc(title))
            .append(
                "</title><style>body{font:14px sans-serif;margin:2em}td,th{padding:2px 8px;text-align:left}"
                    + ".VALID{color:#2a2}.INVALID{color:#c22}.UNKNOWN{color:#c80}</style>")
            .append("<h1>")
            .append(esc(title))
            .append("</h1>");
    h.append("<h2 class=")
        .append(Verdicts.overall(results))
        .append('>')
        .append(Verdicts.overall(results))
        .append("</h2><table>");
    h.append(
        "<tr><th>checker</th><th>verdict</th><th>checked</th><th>of</th><th>coverage</th><th>counts</th></tr>");
    for (CheckResult r : results) {
      h.append("<tr><th>")
          .append(esc(r.checker()))
          .append("</th><td class=")
          .append(r.validity())
          .append('>')
          .append(r.validity())
          .append("</td><td>")
          .append(r.checked())
          .append("</td><td>")
          .append(r.checkable())
          .append(
              String.format(java.util.Locale.ROOT, "</td><td>%.1f %%</td><td>", 100 * r.coverage()))
          .append(esc(String.valueOf(new TreeMap<>(r.counts()))))
          .append("</td></tr>");
    }
    h.append("</table><p>A checker that checked less than ")
        .append(Math.round(100 * CheckResult.MIN_COVERAGE))
        .append(
            " % of what the history offered says UNKNOWN."
                + "</p><p><a href=timeline.html><b>Interactive timeline of every operation</b></a></p>");
    for (CheckResult r : results) {
      if (!r.problems().isEmpty()) {
        h.append("<h3>")
            .append(esc(r.checker()))
            .append(": ")
            .append(r.problems().size())
            .append(" problem(s)</h3><ul>");
        for (Problem p : r.problems().subList(0, Math.min(PROBLEMS_SHOWN, r.problems().size()))) {
          h.append("<li><b>")
              .append(esc(p.kind()))
              .append("</b> ")
              .append(esc(p.detail()))
              .append(" — ops ")
              .append(p.ops())
              .append("</li>");
        }
        h.append("</ul>");
      }
    }
    h.append(
        "<h3>Latency (ms) per operation</h3><table><tr><th>operation</th><th>calls</th><th>p50</th>"
            + "<th>p95</th><th>p99</th><th>max</th></tr>");
    byF.forEach(
        (f, calls) -> {
          List<Double> ms =
              new java.util.ArrayList<>(
                  calls.stream()
                      .map(c -> (c.completion().time() - c.invoke().time()) / 1e6)
                      .toList());
          h.append("<tr><th>").append(esc(f)).append("</th><td>").append(ms.size()).append("</td>");
          for (double q : QUANTILES) {
            h.append(String.format(java.util.Locale.ROOT, "<td>%.1f</td>", quantile(ms, q)));
          }
          h.append("</tr>");
        });
    h.append("</table><p>Fault bands: ");
    FAULT_COLOURS.forEach(
        (kind, c) ->
            h.append(
                String.format(
                    java.util.Locale.ROOT,
                    "<span style='background:rgba(%d,%d,%d,.35);padding:0 6px'>%s</span> ",
                    c.getRed(),
                    c.getGreen(),
                    c.getBlue(),
                    esc(kind))));
    h.append("</p>");
    for (String png :
        List.of("latency-quantiles.png", "latency.png", "throughput.png", "timeline.png")) {
      h.append("<p><img src=").append(png).append(" width=").append(WIDTH).append("></p>");
    }
    h.append("<h3>Faults</h3><table><tr><th>fault</th><th>from (s)</th><th>to (s)</th></tr>");
    for (FaultSpans.Span s : faults.spans()) {
      h.append(
          String.format(
              java.util.Locale.ROOT,
              "<tr><td>%s</td><td>%.1f</td><td>%.1f</td></tr>",
              esc(s.label()),
              s.start() / NANOS_PER_SECOND,
              s.end() / NANOS_PER_SECOND));
    }
    h.append("</table><h3>Configuration</h3><table>");
    config.forEach(
        (k, v) ->
            h.append("<tr><th>")
                .append(esc(k))
                .append("</th><td>")
                .append(esc(String.valueOf(v)))
                .append("</td></tr>"));
    h.append(
        "</table><p><a href=history.edn>history.edn</a> · <a href=results.edn>results.edn</a> · "
            + "<a href=results.json>results.json</a> · <a href=timeline.html>timeline.html</a></p><p>Node logs:");
    try (var files = Files.list(dir)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".log"))
          .sorted()
          .forEach(
              n -> h.append(" <a href=").append(esc(n)).append('>').append(esc(n)).append("</a>"));
    }
    return h.append("</p>\n").toString();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
