package org.photoparity.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.io.AtomicWriter;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;

/**
 * mismatches.csv: RFC 4180 (comma, double quotes, CRLF), UTF-8, one header row, one row per mismatch. Columns:
 * category, device, cloud, matchedBy, detail, states, loss ("loss" or "not a loss"), explanation (why it is not a
 * loss, when the evidence says). Losses come first, then the differences that are not losses, each group in the
 * result's order. Several paths or states in one cell are joined with
 * {@value #JOIN} (a separator that file names from iPhones and icloudpd do not contain).
 */
public final class ReportCsv {

    public static final String[] HEADER = { "category", "device", "cloud", "matchedBy", "detail", "states", "loss",
        "explanation" };
    public static final String JOIN = " | ";

    private ReportCsv() {
    }

    public static void write(ReconcileResult result, Path file, IProgressMonitor monitor) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, "Writing " + file.getFileName(), result.mismatches().size());
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).build();
        AtomicWriter.write(file, out -> {
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    CSVPrinter p = new CSVPrinter(w, format)) {
                int i = 0;
                for (Mismatch m : Losses.first(result.mismatches())) {
                    if ((++i & 1023) == 0 && sub.isCanceled()) throw new OperationCanceledException();
                    p.printRecord(cell(m.category().name()), cell(join(m.device())), cell(join(m.cloud())),
                            cell(m.matchedBy()), cell(m.detail()), cell(join(m.states().stream().sorted().toList())),
                            m.loss() ? "loss" : "not a loss", cell(m.explanation()));
                    sub.worked(1);
                }
            }
        });
    }

    /**
     * A cell a spreadsheet will not run as a formula (OWASP CSV injection): text beginning with = + - @, a tab or a
     * carriage return gets a leading apostrophe, which spreadsheets show as text and do not display.
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) return "";
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    private static String join(Collection<String> values) {
        return String.join(JOIN, values);
    }
}
