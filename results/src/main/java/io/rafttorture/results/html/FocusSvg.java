package io.rafttorture.results.html;

import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A close-up of the first failing operation, to scale: the operations on its key from the last few the checker
 * could linearize ({@link Anomalies.Failure#contextNanos()}) to the failing one's completion, one lane per process,
 * each bar labelled with what it did ("write 1", "read → 1"), and below them each node's role and term over the
 * same span. At most {@link #MAX_OPS} operations.
 */
final class FocusSvg {
    static final int MAX_OPS = 200;
    private static final double WIDTH = TimelineSvg.WIDTH;
    private static final double LEFT = 90;
    private static final double TOP = 18;
    private static final double LANE_H = 20;

    private final long from;
    private final long to;
    private final StringBuilder out = new StringBuilder();

    private FocusSvg(long from, long to) {
        this.from = from;
        this.to = to;
    }

    /** The close-up of {@code failure} in {@code run}, or "" when the failure has no times. */
    static String render(RunFolder run, Anomalies.Failure failure) {
        if (failure.invokeNanos() == null) return "";
        long end = failure.completionNanos() != null ? failure.completionNanos() : failure.invokeNanos();
        long start = failure.contextNanos() != null ? Math.min(failure.contextNanos(), failure.invokeNanos())
                : failure.invokeNanos();
        long pad = Math.max(1_000_000L, (end - start) / 20);
        List<Operation> ops = onKey(run, failure.key(), start - pad, end + pad);
        return new FocusSvg(start - pad, end + pad).draw(run, ops, failure.index());
    }

    private static List<Operation> onKey(RunFolder run, String key, long from, long to) {
        List<Operation> ops = new ArrayList<>();
        for (Operation op : run.history().operations()) {
            if (op.invoke().time() == null || op.invoke().time() >= to) continue;
            long end = op.completion() == null || op.completion().time() == null ? run.endNanos()
                    : op.completion().time();
            if (end > from && keyOf(op.invoke().value(), key) && ops.size() < MAX_OPS) ops.add(op);
        }
        return ops;
    }

    /** True when the operation is on {@code key}: its value is a [key value] tuple, or the model has no keys. */
    private static boolean keyOf(Object value, String key) {
        if (key.isEmpty() || key.equals("null")) return true;
        return value instanceof List<?> tuple && !tuple.isEmpty() && String.valueOf(tuple.get(0)).equals(key);
    }

    private String draw(RunFolder run, List<Operation> ops, long failingIndex) {
        TreeMap<String, Integer> lanes = new TreeMap<>();
        ops.forEach(op -> lanes.putIfAbsent(String.valueOf(op.process()), 0));
        int lane = 0;
        for (var e : lanes.entrySet()) e.setValue(lane++);
        double nodeTop = TOP + lanes.size() * LANE_H + 6;
        double height = nodeTop + run.nodes().size() * LANE_H + 4;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"focus-svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(Html.num(height)).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(Html.num(height)).append("\">");
        axis(height);
        for (Operation op : ops) bar(op, lanes.get(String.valueOf(op.process())), op.invoke().index() == failingIndex);
        lanes.forEach((process, i) -> label("p" + process, TOP + i * LANE_H));
        for (int i = 0; i < run.nodes().size(); i++) {
            NodeLog log = run.nodes().get(i);
            label("n" + log.id(), nodeTop + i * LANE_H);
            for (NodeRoles.Segment s : NodeRoles.of(log, run.anchor(), run.faults(), run.endNanos())) {
                if (s.toNanos() > from && s.fromNanos() < to) segment(log.id(), s, nodeTop + i * LANE_H + 2);
            }
        }
        return out.append("</svg>").toString();
    }

    private void label(String text, double laneTop) {
        out.append("<text class=\"lane-label\" x=\"").append(LEFT - 4).append("\" y=\"")
                .append(Html.num(laneTop + LANE_H - 7)).append("\" text-anchor=\"end\">").append(Html.esc(text))
                .append("</text>");
    }

    private void segment(int node, NodeRoles.Segment s, double y) {
        double x1 = x(s.fromNanos());
        double w = Math.max(1, x(s.toNanos()) - x1);
        String text = s.role().toLowerCase(java.util.Locale.ROOT) + (s.term() < 0 ? "" : ", term " + s.term())
                + (s.leader().isEmpty() || s.leader().equals("0") ? "" : ", leader n" + s.leader());
        out.append("<g class=\"focus-role\" data-node=\"").append(node).append("\"><rect class=\"role r-")
                .append(Html.esc(s.role())).append("\" x=\"").append(Html.num(x1)).append("\" y=\"")
                .append(Html.num(y)).append("\" width=\"").append(Html.num(w)).append("\" height=\"")
                .append(LANE_H - 4).append("\"/>");
        if (w > 60) {
            out.append("<text class=\"op-text").append(s.role().equals("LEADER") ? " on-dark" : "").append("\" x=\"")
                    .append(Html.num(x1 + 3)).append("\" y=\"")
                    .append(Html.num(y + LANE_H - 8)).append("\">").append(Html.esc(text)).append("</text>");
        }
        out.append("<title>n").append(node).append(' ').append(Html.esc(text)).append("</title></g>");
    }

    private double x(long nanos) {
        return LEFT + (WIDTH - LEFT - 10) * (Math.max(from, Math.min(nanos, to)) - from) / (double) (to - from);
    }

    private void axis(double height) {
        double spanMs = (to - from) / 1e6;
        double step = 1;
        for (double s : new double[]{2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000}) {
            if (spanMs / step > 12) step = s;
        }
        for (double t = Math.ceil(from / 1e6 / step) * step; t <= to / 1e6; t += step) {
            double x = x((long) (t * 1e6));
            out.append("<line class=\"grid\" x1=\"").append(Html.num(x)).append("\" x2=\"").append(Html.num(x))
                    .append("\" y1=\"").append(TOP - 2).append("\" y2=\"").append(Html.num(height))
                    .append("\" stroke=\"#e4e4e4\"/><text x=\"").append(Html.num(x))
                    .append("\" y=\"11\" text-anchor=\"middle\">").append(Html.seconds((long) (t * 1e6)))
                    .append("s</text>");
        }
    }

    private void bar(Operation op, int lane, boolean failing) {
        Op c = op.completion();
        long end = c == null || c.time() == null ? to : c.time();
        double x1 = x(op.invoke().time());
        double w = Math.max(2, x(end) - x1);
        double y = TOP + lane * LANE_H + 2;
        String cls = (c == null ? "open" : c.type().keyword()) + (failing ? " failing" : "");
        String label = op.f() + " " + (c != null && c.type() == Op.Type.OK && op.f().equals("read")
                ? "\u2192 " + Html.show(valueOf(c.value())) : Html.show(valueOf(op.invoke().value())));
        out.append("<g class=\"focus-op\" data-index=\"").append(op.invoke().index()).append("\"><rect class=\"")
                .append(cls).append("\" x=\"").append(Html.num(x1)).append("\" y=\"").append(Html.num(y))
                .append("\" width=\"").append(Html.num(w)).append("\" height=\"").append(LANE_H - 4)
                .append("\"/><text class=\"op-text\" x=\"").append(Html.num(x1 + 2)).append("\" y=\"")
                .append(Html.num(y + LANE_H - 8)).append("\">").append(Html.esc(Html.cap(label, 40)))
                .append("</text><title>#").append(op.invoke().index()).append(' ').append(Html.esc(label))
                .append(' ').append(c == null ? "never completed" : c.type().keyword()).append("</title></g>");
    }

    /** The value without its key, for [key value] tuples. */
    private static Object valueOf(Object value) {
        return value instanceof List<?> tuple && tuple.size() == 2 ? tuple.get(1) : value;
    }
}
