/**
 * report.html: one self-contained page per run folder, written by {@link io.rafttorture.results.html.ReportPage}.
 *
 * <p>{@link io.rafttorture.results.html.RunFolder} reads the folder (history.jsonl, results.json, test.json,
 * nemesis.log, nodes/n*.log, nodes/n*.entries.jsonl) into one model; {@link io.rafttorture.results.html.Header},
 * {@link io.rafttorture.results.html.FocusSvg} (a close-up of the failing operation),
 * {@link io.rafttorture.results.html.TimelineSvg}, {@link io.rafttorture.results.html.Charts} and
 * {@link io.rafttorture.results.html.Worksheet} each render one section from it. Every section is bounded whatever
 * the history's length (see {@link io.rafttorture.results.html.ReportPage#MAX_BYTES}); where it aggregates, the
 * page says so.
 */
package io.rafttorture.results.html;
