package io.rafttorture.results.html;

import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The timeline, as inline SVG: one lane per client (operations as bars: ok solid green, fail red stripes, info amber
 * cross-hatch), fault windows shaded across all lanes and labelled, one lane per node (role and term over time,
 * paused spans hatched), Raft violations as red markers, the failing operation outlined with its concurrent window
 * shaded. Bars carry {@code id="op-<invoke index>"} and a tooltip.
 *
 * <p>Bounded: with at most {@link #DETAIL_LIMIT} operations every one is a bar (about 200 bytes each); beyond, each
 * client lane shows density (up to {@link #BUCKETS} columns of ok/fail/info shares, fewer when many lanes would
 * exceed {@link #MAX_CELLS} cells) and only the {@link #WINDOW_OPS}
 * operations around the first failing operation are bars. {@link Result#note()} says which. Node segments
 * narrower than a pixel are left out, so a flapping node's lane stays bounded too.
 */
final class TimelineSvg {
    static final int DETAIL_LIMIT = 15_000;
    static final int WINDOW_OPS = 2_000;
    static final int BUCKETS = 600;
    /** Density cells (lanes x columns) at most: about 320 bytes each. */
    static final int MAX_CELLS = 8_000;
    /** Longest tooltip, in characters. */
    static final int MAX_TITLE = 200;
    static final double WIDTH = 1400;
    private static final double LEFT = 90;
    private static final double RIGHT = 10;
    private static final double TOP = 40;
    private static final double CLIENT_H = 12;
    private static final double NODE_H = 18;

    /** The SVG, a sentence about what it shows in detail, and the failing operations drawn as bars. */
    record Result(String svg, String note, Set<Long> drawnFailures) {
    }

    private final RunFolder run;
    private final List<Anomalies.Failure> failures;
    private final Lanes lanes;
    private final StringBuilder out = new StringBuilder(1 << 20);
    private final double nodeTop;
    private final double height;

    private TimelineSvg(RunFolder run, List<Anomalies.Failure> failures) {
        this.run = run;
        this.failures = failures;
        this.lanes = Lanes.of(run.history(), run.test().path("concurrency").asInt(0));
        this.nodeTop = TOP + lanes.count() * CLIENT_H + 10;
        this.height = nodeTop + run.nodes().size() * NODE_H + 16;
    }

    static Result render(RunFolder run, List<Anomalies.Failure> failures, List<Anomalies.RaftViolation> violations) {
        return new TimelineSvg(run, failures).draw(violations);
    }

    private Result draw(List<Anomalies.RaftViolation> violations) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"timeline-svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(Html.num(height)).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(Html.num(height)).append("\">");
        patterns();
        axis();
        faultShading();
        List<Operation> ops = run.history().operations();
        String note;
        List<Operation> detail;
        if (ops.size() <= DETAIL_LIMIT) {
            detail = ops;
            note = "All " + ops.size() + " operations are drawn one by one.";
        } else {
            density(ops);
            detail = window(ops);
            note = ops.size() + " operations exceed " + DETAIL_LIMIT + ": client lanes show density (share of ok, "
                    + "fail, info per time column; hover for counts)" + (detail.isEmpty()
                    ? "." : "; the " + detail.size() + " operations around the first failing operation (t="
                    + Html.seconds(java.util.Objects.requireNonNullElse(detail.get(0).invoke().time(), 0L))
                    + " s onwards) are drawn one by one.");
        }
        Set<Long> drawn = bars(detail);
        nodeLanes();
        violationMarkers(violations);
        laneLabels();
        out.append("</svg>");
        return new Result(out.toString(), note, drawn);
    }

    double x(long nanos) {
        double span = Math.max(1, run.endNanos());
        return LEFT + (WIDTH - LEFT - RIGHT) * Math.max(0, Math.min(nanos, run.endNanos())) / span;
    }

    private void patterns() {
        out.append("<defs>")
                .append(pattern("pat-fail", "#f4c7c3", "#c62828", "M0,8 l8,-8"))
                .append(pattern("pat-info", "#ffe9b0", "#e0a000", "M0,0 l8,8 M0,8 l8,-8"))
                .append(pattern("pat-down", "#555", "#222", "M0,8 l8,-8"))
                .append(pattern("pat-pause", "none", "#7b3fb0", "M0,8 l8,-8"))
                .append("</defs>");
    }

    private static String pattern(String id, String background, String stroke, String path) {
        return "<pattern id=\"" + id + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                + "viewBox=\"0 0 8 8\"><rect width=\"8\" height=\"8\" fill=\"" + background + "\"/><path d=\""
                + path + "\" stroke=\"" + stroke + "\" stroke-width=\"1.5\"/></pattern>";
    }

    private void axis() {
        double seconds = run.endNanos() / 1e9;
        double step = 0.1;
        for (double s : new double[]{0.2, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600}) {
            if (seconds / step > 20) step = s;
        }
        out.append("<g class=\"axis\">");
        for (double t = 0; t <= seconds + 1e-9; t += step) {
            double x = x((long) (t * 1e9));
            out.append("<line class=\"grid\" x1=\"").append(Html.num(x)).append("\" x2=\"").append(Html.num(x))
                    .append("\" y1=\"").append(TOP - 2).append("\" y2=\"").append(Html.num(height - 14))
                    .append("\"/><text x=\"").append(Html.num(x)).append("\" y=\"10\" text-anchor=\"middle\">")
                    .append(trim(t)).append("s</text>");
        }
        out.append("</g>");
    }

    private static String trim(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : Html.num(t);
    }

    private void faultShading() {
        out.append("<g class=\"faults\">");
        int i = 0;
        for (Faults.Fault f : run.faults()) {
            double x1 = x(f.startNanos());
            double w = Math.max(1, x(f.stopNanos()) - x1);
            String cls = switch (f.fault()) {
                case "partition", "kill", "pause" -> "fault f-" + f.fault();
                default -> "fault f-other";
            };
            String title = Html.esc(f.label() + ", t=" + Html.seconds(f.startNanos()) + "\u2013"
                    + Html.seconds(f.stopNanos()) + " s: " + f.detail());
            out.append("<rect class=\"").append(cls).append("\" data-fault=\"").append(Html.esc(f.fault()))
                    .append("\" x=\"").append(Html.num(x1)).append("\" y=\"").append(TOP - 2)
                    .append("\" width=\"").append(Html.num(w)).append("\" height=\"")
                    .append(Html.num(height - TOP - 14)).append("\"><title>").append(title).append("</title></rect>");
            if (w < 24) continue; // too narrow to label: the tooltip and the fault table say what it did
            out.append("<text class=\"flabel\" x=\"").append(Html.num(x1 + 2)).append("\" y=\"")
                    .append(21 + (i++ % 2) * 10).append("\">").append(Html.esc(f.label())).append("</text>");
        }
        out.append("</g>");
    }

    /** The operations around the first failing one, in invocation order; empty when no failure is known. */
    private List<Operation> window(List<Operation> ops) {
        if (failures.isEmpty()) return List.of();
        long index = failures.get(0).index();
        for (int p = 0; p < ops.size(); p++) {
            if (ops.get(p).invoke().index() == index) {
                int from = Math.max(0, p - WINDOW_OPS / 2);
                return ops.subList(from, Math.min(ops.size(), from + WINDOW_OPS));
            }
        }
        return List.of();
    }

    private Set<Long> bars(List<Operation> detail) {
        Map<Long, Anomalies.Failure> failing = new java.util.HashMap<>();
        failures.forEach(f -> failing.put(f.index(), f));
        Anomalies.Failure first = failures.isEmpty() ? null : failures.get(0);
        if (first != null && first.invokeNanos() != null && !detail.isEmpty()) concurrentWindow(first);
        Set<Long> drawn = new HashSet<>();
        out.append("<g class=\"ops\">");
        for (Operation op : detail) {
            if (op.invoke().time() == null) continue;
            long index = op.invoke().index();
            String cls = op.isOpen() ? "open" : op.outcome().keyword();
            if (failing.containsKey(index)) {
                cls += " failing";
                drawn.add(index);
            } else if (first != null && concurrent(op, first)) {
                cls += " conc";
            }
            bar(op, cls);
        }
        out.append("</g>");
        return drawn;
    }

    private boolean concurrent(Operation op, Anomalies.Failure f) {
        if (f.invokeNanos() == null) return false;
        long end = f.completionNanos() == null ? run.endNanos() : f.completionNanos();
        return op.invoke().time() < end && completion(op) > f.invokeNanos();
    }

    private long completion(Operation op) {
        return op.completion() == null || op.completion().time() == null ? run.endNanos() : op.completion().time();
    }

    private void concurrentWindow(Anomalies.Failure f) {
        long end = f.completionNanos() == null ? run.endNanos() : f.completionNanos();
        double x1 = x(f.invokeNanos());
        double w = Math.max(4, x(end) - x1);
        out.append("<rect class=\"window\" id=\"failing-window\" x=\"").append(Html.num(x1 - (w - (x(end) - x1)) / 2))
                .append("\" y=\"").append(TOP - 2).append("\" width=\"").append(Html.num(w))
                .append("\" height=\"").append(Html.num(lanes.count() * CLIENT_H + 4))
                .append("\"><title>the failing operation's span: operations overlapping it are outlined</title>")
                .append("</rect>");
        // a marker above the lanes: a 2 ms operation is under a pixel wide in a minute-long run
        out.append("<path class=\"failing-marker\" d=\"M").append(Html.num(x1)).append(',').append(TOP - 3)
                .append(" l-5,-8 h10 z\"><title>failing operation #").append(f.index()).append("</title></path>");
    }

    private void bar(Operation op, String cls) {
        double x1 = x(op.invoke().time());
        double w = Math.max(1, x(completion(op)) - x1);
        double y = TOP + lanes.lane(op.process()) * CLIENT_H + 1;
        out.append("<rect id=\"op-").append(op.invoke().index()).append("\" class=\"").append(cls)
                .append("\" x=\"").append(Html.num(x1)).append("\" y=\"").append(Html.num(y))
                .append("\" width=\"").append(Html.num(w)).append("\" height=\"").append(CLIENT_H - 2)
                .append("\"><title>").append(Html.esc(Html.cap(describe(op), MAX_TITLE))).append("</title></rect>");
    }

    private String describe(Operation op) {
        Op c = op.completion();
        String outcome = c == null ? "never completed" : c.type().keyword();
        StringBuilder s = new StringBuilder("#").append(op.invoke().index()).append(" p").append(op.process())
                .append(' ').append(op.f()).append(' ').append(Html.show(op.invoke().value()));
        if (c != null && c.type() == Op.Type.OK) s.append(" \u2192 ").append(Html.show(c.value()));
        s.append(" \u00b7 ").append(outcome);
        if (c != null && c.time() != null) {
            s.append(" \u00b7 ").append(Html.num((c.time() - op.invoke().time()) / 1e6)).append(" ms");
        }
        if (c != null && c.error() != null) s.append(" \u00b7 ").append(Html.show(c.error()));
        if (op.invoke().node() != null) s.append(" \u00b7 via ").append(op.invoke().node());
        return s.append(" \u00b7 t=").append(Html.seconds(op.invoke().time())).append(" s").toString();
    }

    private void density(List<Operation> ops) {
        int buckets = Math.min(BUCKETS, MAX_CELLS / Math.max(1, lanes.count()));
        int[][][] counts = new int[lanes.count()][buckets][3];
        double span = Math.max(1, run.endNanos());
        for (Operation op : ops) {
            if (op.invoke().time() == null) continue;
            int bucket = (int) Math.min(buckets - 1, op.invoke().time() / span * buckets);
            int kind = switch (op.outcome()) {
                case OK -> 0;
                case FAIL -> 1;
                default -> 2;
            };
            counts[lanes.lane(op.process())][bucket][kind]++;
        }
        out.append("<g class=\"density\">");
        for (int lane = 0; lane < counts.length; lane++) {
            for (int b = 0; b < buckets; b++) {
                densityCell(lane, b, buckets, counts[lane][b], span);
            }
        }
        out.append("</g>");
    }

    private void densityCell(int lane, int bucket, int buckets, int[] c, double span) {
        int total = c[0] + c[1] + c[2];
        if (total == 0) return;
        long from = (long) (span * bucket / buckets);
        long to = (long) (span * (bucket + 1) / buckets);
        double x1 = x(from);
        double w = Math.max(0.5, x(to) - x1);
        out.append("<g class=\"cell\"><title>").append(lanes.label(lane)).append(", t=").append(Html.seconds(from))
                .append("\u2013").append(Html.seconds(to)).append(" s: ").append(c[0]).append(" ok, ").append(c[1])
                .append(" fail, ").append(c[2]).append(" info</title>");
        double y = TOP + lane * CLIENT_H + 1 + (CLIENT_H - 2);
        String[] cls = {"ok", "fail", "info"};
        for (int k = 0; k < 3; k++) {
            if (c[k] == 0) continue;
            double h = (CLIENT_H - 2) * c[k] / total;
            y -= h;
            out.append("<rect class=\"").append(cls[k]).append("\" x=\"").append(Html.num(x1)).append("\" y=\"")
                    .append(Html.num(y)).append("\" width=\"").append(Html.num(w)).append("\" height=\"")
                    .append(Html.num(h)).append("\"/>");
        }
        out.append("</g>");
    }

    private void nodeLanes() {
        out.append("<g class=\"nodes\">");
        for (int i = 0; i < run.nodes().size(); i++) {
            NodeLog log = run.nodes().get(i);
            double y = nodeTop + i * NODE_H + 1;
            out.append("<g class=\"node-lane\" data-node=\"").append(log.id()).append("\">");
            for (NodeRoles.Segment s : NodeRoles.of(log, run.anchor(), run.faults(), run.endNanos())) {
                segment(log.id(), s, y);
            }
            for (Faults.Fault f : run.faults()) {
                if (f.fault().equals("pause") && f.nodes().contains(log.id())) pausedSpan(f, y);
            }
            out.append("</g>");
        }
        out.append("</g>");
    }

    private void segment(int node, NodeRoles.Segment s, double y) {
        double x1 = x(s.fromNanos());
        double w = x(s.toNanos()) - x1;
        if (w < 1 && !s.role().equals(NodeRoles.DOWN)) return; // under a pixel: keeps a flapping node's lane bounded
        w = Math.max(0.5, w);
        String term = s.term() < 0 ? "?" : Long.toString(s.term());
        out.append("<rect class=\"role r-").append(Html.esc(s.role())).append("\" x=\"").append(Html.num(x1))
                .append("\" y=\"").append(Html.num(y)).append("\" width=\"").append(Html.num(w))
                .append("\" height=\"").append(NODE_H - 2).append("\"><title>n").append(node).append(' ')
                .append(Html.esc(s.role())).append(", term ").append(term)
                .append(s.leader().isEmpty() || s.leader().equals("0") ? "" : ", leader n" + Html.esc(s.leader()))
                .append(", t=").append(Html.seconds(s.fromNanos())).append("\u2013").append(Html.seconds(s.toNanos()))
                .append(" s</title></rect>");
        if (w >= 22 && !s.role().equals(NodeRoles.DOWN)) {
            out.append("<text class=\"term").append(s.role().equals("LEADER") ? " on-dark" : "").append("\" x=\"")
                    .append(Html.num(x1 + 2)).append("\" y=\"")
                    .append(Html.num(y + NODE_H - 6)).append("\">").append(s.role().charAt(0)).append(term)
                    .append("</text>");
        }
    }

    private void pausedSpan(Faults.Fault f, double y) {
        double x1 = x(f.startNanos());
        out.append("<rect class=\"paused\" x=\"").append(Html.num(x1)).append("\" y=\"").append(Html.num(y))
                .append("\" width=\"").append(Html.num(Math.max(1, x(f.stopNanos()) - x1))).append("\" height=\"")
                .append(NODE_H - 2).append("\"><title>paused</title></rect>");
    }

    private void violationMarkers(List<Anomalies.RaftViolation> violations) {
        for (Anomalies.RaftViolation v : violations) {
            if (v.runNanos() == null) continue;
            int lane = nodeLane(v.node());
            double y = lane < 0 ? nodeTop - 2 : nodeTop + lane * NODE_H + NODE_H / 2;
            double x = x(v.runNanos());
            out.append("<path id=\"").append(v.anchor()).append("\" class=\"violation\" d=\"M").append(Html.num(x))
                    .append(',').append(Html.num(y)).append(" l-6,-9 h12 z\"><title>").append(Html.esc(v.kind()))
                    .append(": ").append(Html.esc(v.explanation())).append("</title></path>");
        }
    }

    private int nodeLane(String node) {
        String digits = node.replaceAll("\\D", "");
        for (int i = 0; i < run.nodes().size() && !digits.isEmpty(); i++) {
            if (Integer.toString(run.nodes().get(i).id()).equals(digits)) return i;
        }
        return -1;
    }

    private void laneLabels() {
        out.append("<g class=\"labels\">");
        for (int lane = 0; lane < lanes.count(); lane++) {
            label(lanes.label(lane), TOP + lane * CLIENT_H + CLIENT_H - 3, "client");
        }
        for (int i = 0; i < run.nodes().size(); i++) {
            label("n" + run.nodes().get(i).id(), nodeTop + i * NODE_H + NODE_H - 5, "node");
        }
        out.append("</g>");
    }

    private void label(String text, double y, String kind) {
        out.append("<text class=\"lane-label ").append(kind).append("\" x=\"").append(LEFT - 4).append("\" y=\"")
                .append(Html.num(y)).append("\" text-anchor=\"end\">").append(Html.esc(text)).append("</text>");
    }
}
