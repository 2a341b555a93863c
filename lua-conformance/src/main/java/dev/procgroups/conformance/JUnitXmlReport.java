package dev.procgroups.conformance;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML form of a run, as CI servers read it: one {@code testsuite} per cluster size, one
 * {@code testcase} per script (classname = its tag folder), failures with the script's output.
 */
public final class JUnitXmlReport {

  private JUnitXmlReport() {}

  public static String render(Reports.Run run, List<ScriptResult> results) {
    Map<Integer, List<ScriptResult>> bySize =
        results.stream()
            .collect(
                Collectors.groupingBy(
                    ScriptResult::nodes, LinkedHashMap::new, Collectors.toList()));
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("testsuites");
      for (Map.Entry<Integer, List<ScriptResult>> suite : bySize.entrySet()) {
        writeSuite(xml, run, suite.getKey(), suite.getValue());
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit report", e);
    }
    return text.toString();
  }

  private static void writeSuite(
      XMLStreamWriter xml, Reports.Run run, int nodes, List<ScriptResult> results)
      throws XMLStreamException {
    xml.writeStartElement("testsuite");
    xml.writeAttribute(
        "name",
        "pg conformance " + run.suiteVersion() + " on " + nodes + " node(s) of " + run.runtime());
    xml.writeAttribute("tests", Integer.toString(results.size()));
    Summary.Counts counts = Summary.of(results).total();
    xml.writeAttribute("failures", Integer.toString(counts.failed()));
    xml.writeAttribute("skipped", Integer.toString(counts.skipped()));
    xml.writeAttribute(
        "time",
        seconds(
            results.stream()
                .filter(r -> r.outcome() != null)
                .mapToLong(r -> r.outcome().millis())
                .sum()));
    xml.writeStartElement("properties");
    property(xml, "suiteVersion", run.suiteVersion());
    property(xml, "runtime", run.runtime());
    property(xml, "capabilities", run.capabilities().toString());
    xml.writeEndElement();
    for (ScriptResult r : results) {
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", "conformance." + r.script().path().replaceFirst("/.*", ""));
      xml.writeAttribute("name", r.script().id() + " [" + nodes + "]");
      xml.writeAttribute("time", seconds(r.outcome() == null ? 0 : r.outcome().millis()));
      if (r.skipped() != null) {
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", r.skipped());
      } else if (!r.passed()) {
        xml.writeStartElement("failure");
        xml.writeAttribute(
            "message",
            r.outcome().completed()
                ? "an assertion failed"
                : String.valueOf(r.outcome().failure()));
        List<String> text = new ArrayList<>(r.outcome().failingLines());
        r.outcome().stderrTail().forEach(l -> text.add("stderr: " + l));
        xml.writeCharacters(String.join("\n", text));
        xml.writeEndElement();
      }
      if (r.outcome() != null) {
        xml.writeStartElement("system-out");
        xml.writeCharacters(String.join("\n", r.outcome().output()));
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", value);
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
