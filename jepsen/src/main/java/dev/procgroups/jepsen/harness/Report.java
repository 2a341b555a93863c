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
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The HTML report of a run: verdicts with their problems, and three plots made with JFreeChart —
 * latency over time with fault intervals shaded, throughput over time, and a timeline of every
 * call per client process.
 */
final class Report {

  private static final int WIDTH = 1100;
  private static final int HEIGHT = 360;
  private static final double NANOS_PER_SECOND = 1e9;
  private static final Color FAULT = new Color(255, 120, 80, 60);
  private static final int PROBLEMS_SHOWN = 25;

  private Report() {}

  /** Writes {@code report.html} and its PNG plots into {@code dir}; returns the HTML file. */
  static Path write(Path dir, String title, History history, List<CheckResult> results, Map<String, Object> config)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<History.Call> calls = history.calls();
    FaultSpans faults = FaultSpans.of(history);
    save(dir.resolve("latency.png"), latency(calls, faults));
    save(dir.resolve("throughput.png"), throughput(calls, faults));
    save(dir.resolve("timeline.png"), timeline(calls, faults, history));
    return Files.writeString(dir.resolve("report.html"), html(title, results, config, faults));
  }

  private static JFreeChart latency(List<History.Call> calls, FaultSpans faults) {
    Map<String, XYSeries> byF = new TreeMap<>();
    for (History.Call c : calls) {
      if (c.completion() != null) {
        double ms = Math.max(0.01, (c.completion().time() - c.invoke().time()) / 1e6);
        byF.computeIfAbsent(c.invoke().f().name() + " " + c.outcome().keyword().name(), XYSeries::new)
            .add(c.invoke().time() / NANOS_PER_SECOND, ms);
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    byF.values().forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createScatterPlot("Latency (shaded: faults in force)", "time (s)",
        "latency (ms)", data, PlotOrientation.VERTICAL, true, false, false);
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
        perSecond.computeIfAbsent(c.outcome(), t -> new TreeMap<>())
            .merge(c.completion().time() / 1_000_000_000L, 1, Integer::sum);
      }
    }
    perSecond.forEach((type, counts) -> {
      XYSeries s = byType.computeIfAbsent(type, t -> new XYSeries(t.keyword().name()));
      counts.forEach((second, n) -> s.add(second.doubleValue(), n.doubleValue()));
    });
    XYSeriesCollection data = new XYSeriesCollection();
    byType.values().forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createXYLineChart("Throughput (completions per second)", "time (s)",
        "calls / s", data, PlotOrientation.VERTICAL, true, false, false);
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
    bars.setSeriesPaint(0, new Color(60, 160, 60));
    bars.setSeriesPaint(1, new Color(200, 60, 60));
    bars.setSeriesPaint(2, new Color(230, 170, 30));
    NumberAxis processes = new NumberAxis("client process");
    processes.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYPlot plot = new XYPlot(data, new NumberAxis("time (s)"), processes, bars);
    shade(plot, faults);
    return new JFreeChart("Operations per process (green ok, red fail, amber info)", plot);
  }

  /** White background, and the faults as labelled translucent bands behind the data. */
  private static void shade(XYPlot plot, FaultSpans faults) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    for (FaultSpans.Span s : faults.spans()) {
      IntervalMarker m = new IntervalMarker(s.start() / NANOS_PER_SECOND, s.end() / NANOS_PER_SECOND);
      m.setPaint(FAULT);
      m.setLabel(s.label());
      plot.addDomainMarker(m, Layer.BACKGROUND);
    }
  }

  private static void save(Path file, JFreeChart chart) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
  }

  private static String html(String title, List<CheckResult> results, Map<String, Object> config, FaultSpans faults) {
    StringBuilder h = new StringBuilder("<!doctype html><meta charset=utf-8><title>").append(esc(title))
        .append("</title><style>body{font:14px sans-serif;margin:2em}td,th{padding:2px 8px;text-align:left}"
            + ".VALID{color:#2a2}.INVALID{color:#c22}.UNKNOWN{color:#c80}</style>")
        .append("<h1>").append(esc(title)).append("</h1>");
    h.append("<h2 class=").append(Verdicts.overall(results)).append('>').append(Verdicts.overall(results))
        .append("</h2><table>");
    for (CheckResult r : results) {
      h.append("<tr><th>").append(esc(r.checker())).append("</th><td class=").append(r.validity()).append('>')
          .append(r.validity()).append("</td><td>").append(esc(String.valueOf(new TreeMap<>(r.counts()))))
          .append("</td></tr>");
    }
    h.append("</table>");
    for (CheckResult r : results) {
      if (!r.problems().isEmpty()) {
        h.append("<h3>").append(esc(r.checker())).append(": ").append(r.problems().size()).append(" problem(s)</h3><ul>");
        for (Problem p : r.problems().subList(0, Math.min(PROBLEMS_SHOWN, r.problems().size()))) {
          h.append("<li><b>").append(esc(p.kind())).append("</b> ").append(esc(p.detail())).append(" — ops ")
              .append(p.ops()).append("</li>");
        }
        h.append("</ul>");
      }
    }
    for (String png : List.of("latency.png", "throughput.png", "timeline.png")) {
      h.append("<p><img src=").append(png).append(" width=").append(WIDTH).append("></p>");
    }
    h.append("<h3>Faults</h3><table><tr><th>fault</th><th>from (s)</th><th>to (s)</th></tr>");
    for (FaultSpans.Span s : faults.spans()) {
      h.append(String.format(java.util.Locale.ROOT, "<tr><td>%s</td><td>%.1f</td><td>%.1f</td></tr>", esc(s.label()),
          s.start() / NANOS_PER_SECOND, s.end() / NANOS_PER_SECOND));
    }
    h.append("</table><h3>Configuration</h3><table>");
    config.forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(String.valueOf(v)))
        .append("</td></tr>"));
    return h.append("</table><p><a href=history.edn>history.edn</a> · <a href=results.edn>results.edn</a> · "
        + "<a href=results.json>results.json</a></p>\n").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
