package org.photoparity.report;

import java.io.IOException;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.spi.PhaseProgress;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.io.AtomicWriter;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.present.Vocabulary;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.model.SourceRef;

/**
 * report.html: one self-contained page for the customer and the technician. Inline CSS and SVG, thumbnails as
 * data: URIs, no script, no external resource, so it opens from a USB stick in any browser without a network.
 * Every text from a scan or the evidence (file names, details, probe evidence, notes) is HTML-escaped.
 */
public final class ReportHtml {

    private static final int MAX_ISSUES_LISTED = 200;

    private ReportHtml() {
    }

    public static void write(ReconcileResult result, List<ProbeResult> probes, List<LikelyCause> causes,
            ReportOptions options, Path file, IProgressMonitor monitor) throws IOException {
        write(result, probes, causes, List.of(), options, file, null, monitor);
    }

    /**
     * As above, with the analysis's notes on the evidence, shown under the summary figures (nothing when there are
     * none); {@code progress} is told "Thumbnails 12 of 40" while the previews are made.
     */
    public static void write(ReconcileResult result, List<ProbeResult> probes, List<LikelyCause> causes,
            List<String> notes, ReportOptions options, Path file, PhaseProgress progress, IProgressMonitor monitor)
            throws IOException {
        List<String> ns = notes == null ? List.of() : notes;
        SubMonitor sub = SubMonitor.convert(monitor, "Writing " + file.getFileName(), 10 + result.mismatches().size());
        Map<Category, List<Mismatch>> byCategory = new EnumMap<>(Category.class);
        for (Category c : Category.values()) byCategory.put(c, new ArrayList<>());
        for (Mismatch m : Losses.first(result.mismatches())) byCategory.get(m.category()).add(m);
        Map<Category, Long> counts = result.counts();
        long total = result.mismatches().size();
        long losses = Losses.count(result.mismatches());

        AtomicWriter.write(file, out -> {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                        Thumbnails thumbs = new Thumbnails(result, options)) {
                w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
                w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
                w.write("<title>" + esc(options.title()) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n");

                w.write("<header><h1>" + esc(options.title()) + "</h1>\n<p class=\"lead\">");
                w.write("Device: <b>" + result.device().assets().size() + "</b> assets. Cloud: <b>"
                        + result.cloud().assets().size() + "</b> assets. <b>" + result.identical()
                        + "</b> identical on both sides, <b>" + total + "</b> " + (total == 1 ? "difference" : "differences")
                        + ": <b id=\"count-losses\">" + losses + "</b> " + (losses == 1 ? "loss" : "losses")
                        + ", <b id=\"count-explained\">" + (total - losses) + "</b> explained by how the evidence was"
                        + " collected or not a loss.</p>\n");
                if (options.generatedAt() != null) {
                    w.write("<p class=\"muted\">Generated " + esc(options.generatedAt().toString()) + "</p>\n");
                }
                w.write("<nav>" + (ns.isEmpty() ? "" : "<a href=\"#notes\">Notes on the evidence</a> ")
                        + "<a href=\"#sides\">Device and cloud</a> <a href=\"#summary\">By category</a> "
                        + "<a href=\"#causes\">Likely causes</a> <a href=\"#probes\">Checks</a> "
                        + "<a href=\"#mismatches\">Every difference</a> <a href=\"#unreadable\">Unread files</a></nav>\n");
                w.write("</header>\n<main>\n");

                // what the analysis could not read or did not understand, before anything judged without it
                notes(w, ns);
                sides(w, result);
                summary(w, result, counts);
                causes(w, causes);
                probes(w, probes);
                sub.worked(10);

                // every preview the page will show, made on all cores before the rows are written in order
                for (Category c : Category.values()) {
                    int shown = 0;
                    for (Mismatch m : byCategory.get(c)) {
                        if (shown++ >= options.maxRowsPerCategory()) break;
                        prefetch(thumbs, SideRole.DEVICE, m.deviceAssets());
                        prefetch(thumbs, SideRole.CLOUD, m.cloudAssets());
                    }
                }
                thumbs.awaitAll(PhaseProgress.orNone(progress), sub);
                w.write("<section id=\"mismatches\"><h2>Every difference</h2>\n");
                if (total == 0) w.write("<p>No differences: every asset is on both sides unchanged.</p>\n");
                int row = 0;
                for (Category c : Category.values()) {
                    List<Mismatch> list = byCategory.get(c);
                    if (list.isEmpty()) continue;
                    w.write("<h3 id=\"cat-" + c.name() + "\"><span class=\"dot\" style=\"background:" + Vocabulary.colour(c)
                            + "\"></span>" + esc(Vocabulary.label(c)) + ": " + esc(c.label()) + " <span "
                            + "class=\"muted\">(" + list.size() + ")</span></h3>\n");
                    w.write("<table class=\"rows diff\"><thead><tr><th>Device</th><th>Cloud</th><th>Matched by</th>"
                            + "<th>Detail</th><th>Loss</th></tr></thead><tbody>\n");
                    int shown = 0;
                    for (Mismatch m : list) {
                        if ((++row & 255) == 0 && sub.isCanceled()) throw new OperationCanceledException();
                        if (shown++ >= options.maxRowsPerCategory()) break;
                        w.write("<tr><td>");
                        sideCell(w, thumbs, SideRole.DEVICE, m, m.deviceAssets(), m.device());
                        w.write("</td><td>");
                        sideCell(w, thumbs, SideRole.CLOUD, m, m.cloudAssets(), m.cloud());
                        w.write("</td><td class=\"code\">" + esc(m.matchedBy() == null ? "-" : m.matchedBy()) + "</td><td>"
                                + esc(m.detail() == null ? "" : m.detail()));
                        if (!m.states().isEmpty()) {
                            w.write("<div class=\"states\">");
                            for (String s : m.states().stream().sorted().toList()) {
                                w.write("<span class=\"tag\">" + esc(s) + "</span> ");
                            }
                            w.write("</div>");
                        }
                        w.write("</td><td class=\"" + (m.loss() ? "loss" : "notloss") + "\">" + esc(Losses.verdict(m))
                                + "</td></tr>\n");
                    }
                    w.write("</tbody></table>\n");
                    if (list.size() > options.maxRowsPerCategory()) {
                        w.write("<p class=\"muted\">" + (list.size() - options.maxRowsPerCategory())
                                + " more in mismatches.csv and report.json.</p>\n");
                    }
                    sub.worked(list.size());
                }
                w.write("</section>\n");

                unreadable(w, result);
                w.write("</main>\n<footer>PhotoParity compares the two libraries asset by asset. mismatches.csv "
                        + "(for a spreadsheet) and report.json (for tools) list every difference. The report reads the "
                        + "scanned files only to draw previews; it never changes them.</footer>\n</body>\n</html>\n");
            }
        });
    }

    /**
     * The analysis's notes on the evidence (an answer not understood, a backup that could not be read), each
     * escaped: a note can quote what the technician typed. Nothing at all when there are none.
     */
    private static void notes(Writer w, List<String> notes) throws IOException {
        if (notes.isEmpty()) return;
        w.write("<section id=\"notes\" class=\"notes\" role=\"note\"><h2>Notes on the evidence <span class=\"count\">("
                + notes.size() + ")</span></h2>\n<p>Evidence this analysis could not read or did not understand. The"
                + " checks and likely causes below were judged without it: correct it and analyse again.</p>\n"
                + "<ul class=\"notes\">\n");
        for (String n : notes) w.write("<li>" + esc(n) + "</li>\n");
        w.write("</ul></section>\n");
    }

    private static void sides(Writer w, ReconcileResult r) throws IOException {
        SideInventory d = r.device();
        SideInventory c = r.cloud();
        w.write("<section id=\"sides\"><h2>Device and cloud</h2>\n<table class=\"sides\"><thead><tr><th></th>"
                + "<th>Device</th><th>Cloud</th></tr></thead><tbody>\n");
        w.write("<tr><th>Sources</th><td>" + sources(d.sources()) + "</td><td>" + sources(c.sources()) + "</td></tr>\n");
        row(w, "Assets", d.assets().size(), c.assets().size());
        row(w, "Files read", d.filesRead(), c.filesRead());
        w.write("<tr><th>Size</th><td class=\"num\">" + Vocabulary.bytes(d.bytes()) + "</td><td class=\"num\">" + Vocabulary.bytes(c.bytes())
                + "</td></tr>\n");
        row(w, "Unreadable files", d.unreadable().size(), c.unreadable().size());
        row(w, "Ignored on purpose", d.ignored().size(), c.ignored().size());
        w.write("<tr><th>Identical on both</th><td class=\"num\" colspan=\"2\">" + r.identical() + "</td></tr>\n");
        w.write("</tbody></table></section>\n");
    }

    private static void row(Writer w, String label, long a, long b) throws IOException {
        w.write("<tr><th>" + esc(label) + "</th><td class=\"num\">" + a + "</td><td class=\"num\">" + b + "</td></tr>\n");
    }

    private static String sources(List<SourceRef> refs) {
        if (refs.isEmpty()) return "<span class=\"muted\">none</span>";
        StringBuilder b = new StringBuilder("<ul class=\"plain\">");
        for (SourceRef s : refs) {
            b.append("<li><span class=\"path\">").append(esc(s.path())).append("</span> <span class=\"tag\">")
                    .append(esc(s.kind())).append("</span>");
            if (s.incomplete() != null) {
                b.append("<br><span class=\"badge warn\">INCOMPLETE</span> ").append(esc(s.incomplete())).append("</span>");
            }
            b.append("</li>");
        }
        return b.append("</ul>").toString();
    }

    private static void summary(Writer w, ReconcileResult r, Map<Category, Long> counts) throws IOException {
        w.write("<section id=\"summary\"><h2>Differences by category</h2>\n");
        long max = Math.max(1, r.identical());
        for (long v : counts.values()) max = Math.max(max, v);
        int rowH = 28;
        int labelW = 230;
        int barW = 420;
        int n = Category.values().length + 1;
        int h = n * rowH + 8;
        w.write("<svg class=\"chart\" role=\"img\" aria-label=\"Differences by category\" viewBox=\"0 0 "
                + (labelW + barW + 70) + " " + h + "\" width=\"" + (labelW + barW + 70) + "\" height=\"" + h
                + "\">\n");
        int y = 4;
        for (Category c : Category.values()) {
            bar(w, Vocabulary.label(c), counts.get(c), max, Vocabulary.colour(c), y, labelW, barW, rowH);
            y += rowH;
        }
        bar(w, "Identical", r.identical(), max, Vocabulary.IDENTICAL_COLOUR, y, labelW, barW, rowH);
        w.write("</svg>\n");
        w.write("<table class=\"counts\"><thead><tr><th>Category</th><th>What it means</th><th>Count</th></tr></thead>"
                + "<tbody>\n");
        for (Category c : Category.values()) {
            long v = counts.get(c);
            // the words people read; the id (MISSING_IN_CLOUD) stays in the tooltip, the anchors and report.json
            String label = esc(Vocabulary.label(c));
            String name = v > 0 ? "<a href=\"#cat-" + c.name() + "\" title=\"" + c.name() + "\">" + label + "</a>"
                    : "<span title=\"" + c.name() + "\">" + label + "</span>";
            w.write("<tr" + (v == 0 ? " class=\"zero\"" : "") + "><td><span class=\"dot\" style=\""
                    + "background:" + Vocabulary.colour(c) + "\"></span>" + name + "</td><td>" + esc(c.label())
                    + "</td><td class=\"num\" id=\"count-" + c.name() + "\">" + v + "</td></tr>\n");
        }
        w.write("<tr><td><span class=\"dot\" style=\"background:" + Vocabulary.IDENTICAL_COLOUR + "\"></span>Identical</td>"
                + "<td>On both sides, unchanged</td><td class=\"num\" id=\"count-identical\">" + r.identical()
                + "</td></tr>\n");
        w.write("</tbody></table></section>\n");
    }

    private static void bar(Writer w, String label, long v, long max, String color, int y, int labelW, int barW,
            int rowH) throws IOException {
        int len = v == 0 ? 0 : Math.max(2, (int) Math.round((double) v / max * barW));
        w.write("<text x=\"" + (labelW - 8) + "\" y=\"" + (y + rowH / 2 + 5) + "\" text-anchor=\"end\">" + esc(label)
                + "</text>");
        w.write("<rect x=\"" + labelW + "\" y=\"" + (y + 4) + "\" width=\"" + len + "\" height=\"" + (rowH - 8)
                + "\" rx=\"3\" fill=\"" + color + "\"/>");
        w.write("<text x=\"" + (labelW + len + 6) + "\" y=\"" + (y + rowH / 2 + 5) + "\">" + v + "</text>\n");
    }

    private static void causes(Writer w, List<LikelyCause> causes) throws IOException {
        w.write("<section id=\"causes\"><h2>Likely causes</h2>\n");
        if (causes.isEmpty()) {
            w.write("<p>No fix is implicated: nothing is missing or pending, and no check failed.</p></section>\n");
            return;
        }
        w.write("<p class=\"muted\">Fixes ranked by the differences they can explain and by what their checks found."
                + " Format conversions, duplicates from downloaders and clock changes are shown above but not blamed"
                + " on a fix.</p>\n<ol class=\"causes\">\n");
        for (LikelyCause c : causes) {
            w.write("<li><div class=\"cause-head\"><span class=\"fix\">Fix " + c.fix() + "</span> <b>"
                    + esc(c.title()) + "</b> " + badge(c.probeStatus()) + "</div>");
            if (!c.explains().isEmpty()) {
                w.write("<div class=\"explains\">");
                for (var e : c.explains().entrySet()) {
                    w.write("<a class=\"tag\" href=\"#cat-" + e.getKey().name() + "\" title=\"" + e.getKey().name()
                            + "\">" + esc(Vocabulary.label(e.getKey())) + " " + e.getValue() + "</a> ");
                }
                w.write("</div>");
            }
            w.write("<p>" + esc(c.explanation()) + "</p></li>\n");
        }
        w.write("</ol></section>\n");
    }

    private static void probes(Writer w, List<ProbeResult> probes) throws IOException {
        w.write("<section id=\"probes\"><h2>Checks (probes)</h2>\n");
        if (probes.isEmpty()) {
            w.write("<p>No checks ran for this report.</p></section>\n");
            return;
        }
        w.write("<table class=\"rows\"><thead><tr><th>Fix</th><th>Check</th><th>Result</th><th>Summary and evidence"
                + "</th></tr></thead><tbody>\n");
        for (ProbeResult p : probes) {
            w.write("<tr><td class=\"num\">" + p.fix() + "</td><td title=\"" + esc(p.id()) + "\">"
                    + esc(Vocabulary.probeTitle(p)) + "</td><td>"
                    + badge(p.status()) + "</td><td>" + esc(p.summary()));
            if (!p.evidence().isEmpty()) {
                w.write("<ul class=\"evidence\">");
                for (String e : p.evidence()) w.write("<li>" + esc(e) + "</li>");
                w.write("</ul>");
            }
            w.write("</td></tr>\n");
        }
        w.write("</tbody></table></section>\n");
    }

    private static String badge(ProbeStatus s) {
        if (s == null) return "<span class=\"badge none\">no check</span>";
        return "<span class=\"badge " + s.name().toLowerCase(Locale.ROOT) + "\">" + s.name() + "</span>";
    }

    /** The previews {@link #sideCell} will show for {@code assets}, in its order. */
    private static void prefetch(Thumbnails thumbs, SideRole side, List<Asset> assets) {
        int shown = 0;
        for (Asset a : assets) {
            if (shown++ == 2) break;
            thumbs.prefetch(side, a, a.primary());
            MediaFile render = a.file(ResourceRole.EDITED_RENDER);
            if (render != null && render != a.primary()) thumbs.prefetch(side, a, render);
        }
    }

    private static void sideCell(Writer w, Thumbnails thumbs, SideRole side, Mismatch m, List<Asset> assets,
            List<String> paths) throws IOException {
        if (paths.isEmpty() && assets.isEmpty()) {
            // a duplicate lives on one side; the other side simply is not part of it
            w.write(m.category() == Category.DUPLICATE ? "<span class=\"muted\">not involved</span>"
                    : "<span class=\"absent\">not on this side</span>");
            return;
        }
        // one preview per asset involved (at most two: a pair or a duplicate), plus its edited render if any
        int shown = 0;
        for (Asset a : assets) {
            if (shown++ == 2) break;
            thumb(w, thumbs.of(side, a, a.primary()), a.displayName(), null);
            MediaFile render = a.file(ResourceRole.EDITED_RENDER);
            if (render != null && render != a.primary()) {
                thumb(w, thumbs.of(side, a, render), render.name(), "edited: " + render.name());
            }
        }
        w.write("<ul class=\"plain paths\">");
        for (String p : paths) w.write("<li class=\"path\">" + esc(p) + "</li>");
        w.write("</ul>");
    }

    private static void thumb(Writer w, Thumbnails.Thumb t, String alt, String caption) throws IOException {
        w.write("<figure class=\"thumb\">");
        switch (t) {
            case Thumbnails.Picture p -> w.write("<img src=\"" + p.dataUri() + "\" width=\"" + p.width()
                    + "\" height=\"" + p.height() + "\" alt=\"" + esc(alt) + "\">");
            case Thumbnails.Placeholder ph -> w.write("<div class=\"ph\">" + esc(ph.text()) + "</div>");
        }
        if (caption != null) w.write("<figcaption>" + esc(caption) + "</figcaption>");
        w.write("</figure>");
    }

    private static void unreadable(Writer w, ReconcileResult r) throws IOException {
        w.write("<section id=\"unreadable\"><h2>Files that could not be read</h2>\n");
        if (r.device().unreadable().isEmpty() && r.cloud().unreadable().isEmpty()) {
            w.write("<p>Every file found was read.</p></section>\n");
            return;
        }
        for (SideInventory s : List.of(r.device(), r.cloud())) {
            if (s.unreadable().isEmpty()) continue;
            w.write("<h3>" + (s.role() == SideRole.DEVICE ? "Device" : "Cloud") + " (" + s.unreadable().size()
                    + ")</h3><table class=\"rows\"><thead><tr><th>File</th><th>Why</th></tr></thead><tbody>\n");
            int n = 0;
            for (FileIssue f : s.unreadable()) {
                if (n++ == MAX_ISSUES_LISTED) break;
                w.write("<tr><td class=\"path\">" + esc(f.path()) + "</td><td>" + esc(f.reason()) + "</td></tr>\n");
            }
            w.write("</tbody></table>\n");
            if (s.unreadable().size() > MAX_ISSUES_LISTED) {
                w.write("<p class=\"muted\">" + (s.unreadable().size() - MAX_ISSUES_LISTED)
                        + " more in report.json.</p>\n");
            }
        }
        w.write("</section>\n");
    }

    /** HTML text and attribute escaping. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            :root { color-scheme: light; }
            body { font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   color: #1d2330; background: #f4f6f9; margin: 0; }
            header { background: #1f3b5c; color: #fff; padding: 22px 32px 14px; }
            header h1 { margin: 0 0 6px; font-size: 26px; }
            header .lead { margin: 0 0 6px; font-size: 16px; }
            header .muted { color: #c8d3e0; }
            nav a { color: #cfe3ff; margin-right: 16px; text-decoration: none; font-size: 14px; }
            nav a:hover { text-decoration: underline; }
            main { padding: 8px 32px 24px; max-width: 1200px; }
            section { background: #fff; border: 1px solid #dde3ea; border-radius: 8px; padding: 14px 20px;
                      margin: 18px 0; }
            h2 { font-size: 20px; margin: 4px 0 12px; color: #1f3b5c; }
            section.notes { background: #fff8e5; border: 1px solid #f0c75e; border-left: 6px solid #d99a00; }
            section.notes h2 { color: #7a4b00; }
            section.notes h2 .count { font-weight: normal; font-size: 16px; }
            section.notes p { margin: 0 0 6px; color: #5c4a1f; }
            ul.notes { margin: 4px 0 2px; padding-left: 20px; } ul.notes li { margin: 3px 0; }
            h3 { font-size: 16px; margin: 18px 0 8px; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid #e7ebf0; }
            thead th { background: #eef2f7; font-size: 13px; text-transform: uppercase; letter-spacing: .03em;
                       color: #4a5668; }
            table.sides { width: 100%; max-width: 980px; table-layout: fixed; }
            table.sides th:first-child { width: 170px; }
            table.sides td.num { text-align: left; }
            table.counts { width: auto; min-width: 560px; margin-top: 8px; }
            tr.zero td { color: #8a94a3; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
            .path { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; word-break: break-all; }
            .muted { color: #6b7686; }
            .dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 7px; }
            td.loss { color: #a4161a; font-weight: 600; }
            td.notloss { color: #51606f; }
            .tag { display: inline-block; background: #eef2f7; border: 1px solid #d5dce6; border-radius: 4px;
                   padding: 0 6px; font-size: 12px; color: #334; text-decoration: none; margin: 1px 0; }
            ul.plain { list-style: none; margin: 0; padding: 0; }
            ul.paths { margin-top: 4px; }
            svg.chart { max-width: 100%; height: auto; font-size: 13px; font-family: inherit; }
            svg.chart text { fill: #1d2330; }
            .badge { display: inline-block; border-radius: 4px; padding: 1px 8px; font-size: 12px; font-weight: 600;
                     color: #fff; }
            .badge.pass { background: $PASS; } .badge.warn { background: $WARN; }
            .badge.fail { background: $FAIL; } .badge.unknown, .badge.none { background: $UNKNOWN; }
            ol.causes { padding-left: 22px; } ol.causes li { margin-bottom: 12px; }
            ol.causes p { margin: 4px 0 0; }
            .fix { display: inline-block; background: #1f3b5c; color: #fff; border-radius: 4px; padding: 0 7px;
                   font-size: 12px; margin-right: 4px; }
            .explains { margin-top: 4px; }
            ul.evidence { margin: 4px 0 0; padding-left: 18px; color: #4a5668; font-size: 13px; }
            figure.thumb { display: inline-block; vertical-align: top; margin: 0 6px 4px 0; }
            figure.thumb img { display: block; border-radius: 4px; border: 1px solid #d5dce6; max-width: 100%;
                               height: auto; }
            figure.thumb figcaption { font-size: 11.5px; color: #16a085; }
            .ph { width: 150px; min-height: 52px; display: flex; align-items: center; justify-content: center;
                  text-align: center; background: repeating-linear-gradient(45deg, #f1f3f6, #f1f3f6 6px, #e9edf2 6px,
                  #e9edf2 12px); border: 1px dashed #b9c2ce; border-radius: 4px; color: #5b6675; font-size: 11.5px;
                  padding: 6px; box-sizing: border-box; margin-bottom: 4px; }
            .absent { color: #a33; font-style: italic; }
            table.diff td:nth-child(1), table.diff td:nth-child(2) { width: 30%; }
            .states { margin-top: 4px; }
            footer { padding: 10px 32px 30px; color: #6b7686; font-size: 13px; max-width: 1200px; }
            @media print { body { background: #fff; } section { break-inside: avoid-page; } }
            """.replace("$PASS", Vocabulary.colour(ProbeStatus.PASS)).replace("$WARN", Vocabulary.colour(ProbeStatus.WARN))
            .replace("$FAIL", Vocabulary.colour(ProbeStatus.FAIL))
            .replace("$UNKNOWN", Vocabulary.colour(ProbeStatus.UNKNOWN));
}
