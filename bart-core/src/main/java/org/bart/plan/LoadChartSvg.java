package org.bart.plan;

import java.util.List;
import java.util.Locale;

/**
 * Draws per-node loads as a standalone SVG (hand-written; no charting library): one panel per series (an
 * approach of the simulator, or the planned and measured loads of a transition), stacked, all on the same
 * y scale so heights compare across panels. Each panel has a pair of bars per node (send, then receive),
 * labelled axes and a dashed line at the panel's max_load, the load that sets the transition time.
 */
public final class LoadChartSvg {

  /** One panel: a name and the per-node send and receive loads, in blocks. */
  public static final class Panel {
    final String name;
    final int[] send;
    final int[] recv;

    public Panel(String name, int[] send, int[] recv) {
      if (send.length != recv.length) {
        throw new IllegalArgumentException("panel " + name + ": " + send.length + " send loads but "
            + recv.length + " receive loads");
      }
      this.name = name;
      this.send = send.clone();
      this.recv = recv.clone();
    }

    int maxLoad() {
      int max = 0;
      for (int n = 0; n < send.length; n++) {
        max = Math.max(max, Math.max(send[n], recv[n]));
      }
      return max;
    }

    long bandwidth() {
      long sum = 0;
      for (int v : send) {
        sum += v;
      }
      return sum;
    }
  }

  private static final String SEND_COLOR = "#4477aa";
  private static final String RECV_COLOR = "#ee7733";
  private static final String MAX_COLOR = "#cc3311";
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 60;
  private static final int PANEL_HEIGHT = 220;
  private static final int PANEL_GAP = 70;

  private LoadChartSvg() {
  }

  /**
   * @param title the chart's heading, e.g. the code and cluster size
   * @return a complete SVG 1.1 document
   */
  public static String render(String title, List<Panel> results) {
    int numNodes = results.get(0).send.length;
    double groupWidth = Math.max(6, Math.min(24, 1100.0 / numNodes));
    double plotWidth = groupWidth * numNodes;
    int width = (int) Math.ceil(LEFT + plotWidth + RIGHT);
    int height = TOP + results.size() * (PANEL_HEIGHT + PANEL_GAP) + 20;
    int step = tickStep(maxLoad(results));
    int yMax = (maxLoad(results) + step - 1) / step * step;
    StringBuilder svg = new StringBuilder();
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", width, height, width, height));
    svg.append("<title>").append(escape(title)).append("</title>\n");
    svg.append(fmt("<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
    svg.append(fmt("<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>\n", LEFT,
        escape(title)));
    legend(svg, LEFT, 44);
    for (int i = 0; i < results.size(); i++) {
      panel(svg, results.get(i), TOP + i * (PANEL_HEIGHT + PANEL_GAP) + 30, groupWidth, yMax, step);
    }
    return svg.append("</svg>\n").toString();
  }

  private static void legend(StringBuilder svg, int x, int y) {
    svg.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, y - 10, SEND_COLOR));
    svg.append(fmt("<text x=\"%d\" y=\"%d\">send (blocks uploaded)</text>\n", x + 16, y));
    svg.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", x + 180, y - 10,
        RECV_COLOR));
    svg.append(fmt("<text x=\"%d\" y=\"%d\">receive (blocks downloaded)</text>\n", x + 196, y));
    svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\""
        + " stroke-dasharray=\"6,4\"/>", x + 390, y - 4, x + 420, y - 4, MAX_COLOR));
    svg.append(fmt("<text x=\"%d\" y=\"%d\">max_load</text>\n", x + 426, y));
  }

  /** One approach's panel; {@code top} is the y of its title line. */
  private static void panel(StringBuilder svg, Panel r, int top, double groupWidth, int yMax, int step) {
    int[] send = r.send;
    int[] recv = r.recv;
    int plotTop = top + 12;
    int base = plotTop + PANEL_HEIGHT;
    double plotWidth = groupWidth * send.length;
    svg.append(fmt("<g id=\"panel-%s\">\n", escape(r.name)));
    svg.append(fmt("<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s: max_load %d,"
        + " bandwidth %d blocks</text>\n", LEFT, top, escape(r.name), r.maxLoad(), r.bandwidth()));
    yAxis(svg, plotTop, base, yMax, step);
    double bar = (groupWidth - 2) / 2;
    for (int n = 0; n < send.length; n++) {
      double x = LEFT + n * groupWidth + 1;
      bar(svg, x, bar, send[n], base, yMax, SEND_COLOR, "node " + n + " send " + send[n]);
      bar(svg, x + bar, bar, recv[n], base, yMax, RECV_COLOR, "node " + n + " receive " + recv[n]);
    }
    double maxY = base - (double) r.maxLoad() * PANEL_HEIGHT / yMax;
    svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\""
        + " stroke-dasharray=\"6,4\"/>\n", LEFT, maxY, LEFT + plotWidth, maxY, MAX_COLOR));
    svg.append(fmt("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">max_load %d</text>\n",
        LEFT + plotWidth, maxY - 4, MAX_COLOR, r.maxLoad()));
    xAxis(svg, send.length, groupWidth, base);
    svg.append("</g>\n");
  }

  private static void bar(StringBuilder svg, double x, double w, int value, int base, int yMax, String color,
      String tip) {
    double h = (double) value * PANEL_HEIGHT / yMax;
    svg.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title>"
        + "</rect>\n", x, base - h, w, h, color, tip));
  }

  private static void yAxis(StringBuilder svg, int plotTop, int base, int yMax, int step) {
    svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", LEFT, plotTop, LEFT,
        base));
    for (int value = 0; value <= yMax; value += step) {
      double y = base - (double) value * PANEL_HEIGHT / yMax;
      svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\"/>", LEFT - 4, y, LEFT,
          y));
      svg.append(fmt("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>\n", LEFT - 7, y + 4, value));
    }
    int mid = (plotTop + base) / 2;
    svg.append(fmt("<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">"
        + "load (blocks)</text>\n", mid, mid));
  }

  private static void xAxis(StringBuilder svg, int numNodes, double groupWidth, int base) {
    double right = LEFT + groupWidth * numNodes;
    svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>\n", LEFT, base, right,
        base));
    int step = Math.max(1, (int) Math.ceil(numNodes / 25.0));
    for (int n = 0; n < numNodes; n += step) {
      double x = LEFT + (n + 0.5) * groupWidth;
      svg.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">%d</text>", x,
          base + 14, n));
    }
    svg.append(fmt("\n<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">node id</text>\n",
        (LEFT + right) / 2, base + 32));
  }

  private static int maxLoad(List<Panel> results) {
    int max = 1;
    for (Panel r : results) {
      max = Math.max(max, r.maxLoad());
    }
    return max;
  }

  /** The smallest step of 1, 2 or 5 times a power of ten that covers v in at most five ticks. */
  public static int tickStep(int v) {
    for (long p = 1; ; p *= 10) {
      for (int f : new int[] {1, 2, 5}) {
        if (5 * f * p >= v) {
          return (int) (f * p);
        }
      }
    }
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
