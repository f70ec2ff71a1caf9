package org.bart.bench.hdfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bart.plan.LoadChartSvg;

/**
 * The testbed's chart, one SVG: on top the stage time of each approach next to its plan's bound
 * (seconds), below the measured per-node loads of each approach ({@link LoadChartSvg}, on one
 * scale). Failed runs are left out. Hand-written SVG, as the load chart.
 */
public final class TestbedChart {

  private static final String STAGE_COLOR = "#4477aa";
  private static final String BOUND_COLOR = "#bbbbbb";
  private static final int LEFT = 70;
  private static final int TOP = 60;
  private static final int PLOT_HEIGHT = 200;
  private static final int GROUP_WIDTH = 110;
  private static final int TIME_PANEL_HEIGHT = TOP + PLOT_HEIGHT + 50;
  private static final Pattern SIZE = Pattern.compile("width=\"(\\d+)\" height=\"(\\d+)\"");

  private TestbedChart() {
  }

  /**
   * @param title the chart's heading, e.g. the code and cluster size
   * @return a complete SVG 1.1 document
   * @throws IllegalArgumentException if no approach succeeded
   */
  public static String svg(String title, List<TestbedRow> rows) {
    List<TestbedRow> ok = new ArrayList<>();
    List<LoadChartSvg.Panel> loads = new ArrayList<>();
    for (TestbedRow r : rows) {
      if (r.error == null && r.report != null && r.report.measuredSend.length > 0) {
        ok.add(r);
        loads.add(new LoadChartSvg.Panel(r.approach + " measured", r.report.measuredSend,
            r.report.measuredRecv));
      }
    }
    if (ok.isEmpty()) {
      throw new IllegalArgumentException("no approach succeeded: nothing to draw");
    }
    String loadChart = LoadChartSvg.render("Measured load per DataNode", loads);
    Matcher size = SIZE.matcher(loadChart);
    if (!size.find()) {
      throw new IllegalStateException("the load chart has no size");
    }
    int loadWidth = Integer.parseInt(size.group(1));
    int loadHeight = Integer.parseInt(size.group(2));
    int width = Math.max(loadWidth, LEFT + GROUP_WIDTH * ok.size() + 40);
    int height = TIME_PANEL_HEIGHT + loadHeight;
    StringBuilder svg = new StringBuilder();
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" "
        + "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
        width, height, width, height));
    svg.append("<title>").append(escape(title)).append("</title>\n");
    svg.append(fmt("<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width,
        height));
    svg.append(fmt("<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>\n",
        LEFT, escape(title)));
    timePanel(svg, ok);
    // The load chart is a complete document: nested as an inner <svg> below the time panel.
    svg.append(fmt("<g transform=\"translate(0,%d)\">\n", TIME_PANEL_HEIGHT));
    svg.append(loadChart.substring(loadChart.indexOf("<svg")));
    svg.append("</g>\n");
    return svg.append("</svg>\n").toString();
  }

  private static void timePanel(StringBuilder svg, List<TestbedRow> rows) {
    double max = 0;
    for (TestbedRow r : rows) {
      max = Math.max(max, Math.max(r.stageSeconds(), r.boundSeconds()));
    }
    int step = LoadChartSvg.tickStep((int) Math.ceil(max));
    double yMax = Math.ceil(max / step) * step;
    int base = TOP + PLOT_HEIGHT;
    svg.append(fmt("<rect x=\"%d\" y=\"34\" width=\"12\" height=\"12\" fill=\"%s\"/>", LEFT,
        STAGE_COLOR));
    svg.append(fmt("<text x=\"%d\" y=\"44\">stage time (measured)</text>\n", LEFT + 16));
    svg.append(fmt("<rect x=\"%d\" y=\"34\" width=\"12\" height=\"12\" fill=\"%s\"/>", LEFT + 180,
        BOUND_COLOR));
    svg.append(fmt("<text x=\"%d\" y=\"44\">bound: planned max_load x block / rate</text>\n",
        LEFT + 196));
    svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", LEFT, TOP,
        LEFT, base));
    for (int v = 0; v <= yMax; v += step) {
      double y = base - v * PLOT_HEIGHT / yMax;
      svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\"/>",
          LEFT - 4, y, LEFT, y));
      svg.append(fmt("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>\n", LEFT - 7, y + 4,
          v));
    }
    int mid = (TOP + base) / 2;
    svg.append(fmt("<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">"
        + "seconds</text>\n", mid, mid));
    for (int i = 0; i < rows.size(); i++) {
      TestbedRow r = rows.get(i);
      double x = LEFT + i * GROUP_WIDTH + 15;
      bar(svg, x, r.stageSeconds(), base, yMax, STAGE_COLOR,
          fmt("%s stage %.2f s", r.approach, r.stageSeconds()));
      bar(svg, x + 40, r.boundSeconds(), base, yMax, BOUND_COLOR,
          fmt("%s bound %.2f s", r.approach, r.boundSeconds()));
      svg.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + 40,
          base + 16, escape(r.approach)));
      svg.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">"
          + "ratio %.2f</text>\n", x + 40, base + 30, r.stageSeconds() / r.boundSeconds()));
    }
    svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", LEFT, base,
        LEFT + GROUP_WIDTH * rows.size(), base));
  }

  private static void bar(StringBuilder svg, double x, double value, int base, double yMax,
      String color, String tip) {
    double h = value * PLOT_HEIGHT / yMax;
    svg.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"36\" height=\"%.1f\" fill=\"%s\">"
        + "<title>%s</title></rect>\n", x, base - h, h, color, escape(tip)));
    svg.append(fmt("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">%.1f</text>"
        + "\n", x + 18, base - h - 3, value));
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
