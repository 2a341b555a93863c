package dev.procgroups.jepsen.harness;

import dev.procgroups.model.history.History;
import dev.procgroups.model.history.OpType;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code timeline.html}, as Jepsen's: one column per client process, time flowing down, each call a
 * box from its invocation to its completion, coloured by outcome; hovering shows the call. Faults
 * are drawn as bands across every column. Written by hand: it is one small page, and no library on
 * Maven Central renders a Jepsen-style timeline.
 */
final class TimelineHtml {

  private static final double PX_PER_SECOND = 150;
  private static final int COLUMN = 90;

  /** Room on the left for the time axis. */
  private static final int AXIS = 50;

  private static final int LIMIT = 50_000;

  private static final int TIP_CHARS = 300;

  private TimelineHtml() {}

  static String of(String title, History history, FaultSpans faults) {
    List<History.Call> calls = history.calls();
    long end = history.operations().isEmpty() ? 0 : history.get(history.size() - 1).time();
    List<Integer> processes =
        List.copyOf(new TreeSet<>(calls.stream().map(c -> c.invoke().process()).toList()));
    StringBuilder h =
        new StringBuilder("<!doctype html><meta charset=utf-8><title>")
            .append(Report.esc(title))
            .append(
                " timeline</title><style>body{font:12px sans-serif;margin:1em}"
                    + "#t{position:relative}.op{position:absolute;width:"
                    + (COLUMN - 6)
                    + "px;min-height:2px;"
                    + "overflow:hidden;border-radius:2px;font-size:10px;opacity:.85}.op:hover{opacity:1;outline:1px solid #000;"
                    + "z-index:2}.ok{background:#6c6}.fail{background:#e66}.info{background:#eb4}"
                    + ".fault{position:absolute;left:0;background:rgba(120,120,255,.18);border-top:2px solid #66f;"
                    + "color:#44a;text-align:right;font-size:11px}.tick{position:absolute;left:0;width:"
                    + (AXIS - 4)
                    + "px;border-top:1px solid #999;color:#555;font-size:10px}"
                    + ".head{position:sticky;top:0;background:#fff;z-index:3;height:18px}</style>")
            .append("<h1>")
            .append(Report.esc(title))
            .append(": operations per process</h1><p>Time flows down (")
            .append((int) PX_PER_SECOND)
            .append(
                " px per second). Green ok, red fail, amber info (no answer);"
                    + " blue bands: faults in force. Hover a box for the call.</p>");
    int width = COLUMN * processes.size();
    h.append("<div class=head>");
    for (int i = 0; i < processes.size(); i++) {
      h.append(
          String.format(
              Locale.ROOT,
              "<span style='position:absolute;left:%dpx'>process %d</span>",
              AXIS + i * COLUMN,
              processes.get(i)));
    }
    h.append(
        String.format(
            Locale.ROOT,
            "</div><div id=t style='height:%dpx;width:%dpx'>",
            px(end) + 20,
            AXIS + width + 260));
    for (long second = 0; second * 1_000_000_000L <= end; second++) {
      h.append(
          String.format(
              Locale.ROOT,
              "<div class=tick style='top:%dpx'>%d s</div>",
              px(second * 1_000_000_000L),
              second));
    }
    for (FaultSpans.Span s : faults.spans()) {
      h.append(
          String.format(
              Locale.ROOT,
              "<div class=fault style='top:%dpx;height:%dpx;width:%dpx' title=\"%s\">" + "%s</div>",
              px(s.start()),
              Math.max(1, px(s.end()) - px(s.start())),
              AXIS + width + 250,
              Report.esc(s.label()),
              Report.esc(s.label())));
    }
    int shown = 0;
    for (History.Call c : calls) {
      if (shown++ == LIMIT) {
        break;
      }
      long to = c.completion() == null ? end : c.completion().time();
      String type = c.outcome() == OpType.OK ? "ok" : c.outcome() == OpType.FAIL ? "fail" : "info";
      String tip =
          c.invoke().f().name()
              + " "
              + type
              + String.format(
                  Locale.ROOT,
                  " %.1f ms at %.3f s\n",
                  (to - c.invoke().time()) / 1e6,
                  c.invoke().time() / 1e9)
              + abbreviated(c.completion() == null ? c.invoke().value() : c.completion().value());
      h.append(
          String.format(
              Locale.ROOT,
              "<div class='op %s' style='left:%dpx;top:%dpx;height:%dpx' title=\"%s\">"
                  + "%s</div>",
              type,
              AXIS + processes.indexOf(c.invoke().process()) * COLUMN,
              px(c.invoke().time()),
              Math.max(2, px(to) - px(c.invoke().time())),
              Report.esc(tip),
              Report.esc(c.invoke().f().name())));
    }
    if (calls.size() > LIMIT) {
      h.append("<p>(first ")
          .append(LIMIT)
          .append(" of ")
          .append(calls.size())
          .append(" calls shown)</p>");
    }
    return h.append("</div>\n").toString();
  }

  /**
   * A call's value cut to {@link #TIP_CHARS}: a {@code received} or {@code monitor-read} value
   * lists every message or event, and in full they made a 7-node run's page 140 MB.
   */
  private static String abbreviated(Object value) {
    String s = String.valueOf(value);
    return s.length() <= TIP_CHARS
        ? s
        : s.substring(0, TIP_CHARS) + " ... (" + s.length() + " characters)";
  }

  private static int px(long nanos) {
    return (int) Math.round(nanos / 1e9 * PX_PER_SECOND);
  }
}
