package org.photoparity.ui.views;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.StrategyDescriptor;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.engine.Analysis;
import org.photoparity.ui.prefs.UiPrefs;
import org.photoparity.ui.session.CaseSession;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Every probe with its last result and evidence; double-click opens the view of its fix (found in the registry of
 * views, not named here). An Eclipse 4 part.
 */
public final class ProbesView implements CaseSession.Listener {
    public static final String ID = "org.photoparity.ui.views.probes";

    private final CaseSession session;
    @Inject
    @Optional
    EPartService parts;
    private ProbeTree tree;
    private Label summary;
    private Button rerunAll;
    private Job running;

    @Inject
    public ProbesView(CaseSession session) {
        this.session = session;
    }

    @PostConstruct
    public void create(Composite parent) {
        GridLayout gl = new GridLayout(2, false);
        parent.setLayout(gl);
        summary = new Label(parent, SWT.WRAP);
        GridData sg = new GridData(SWT.FILL, SWT.CENTER, true, false);
        sg.widthHint = 200;
        summary.setLayoutData(sg);
        rerunAll = new Button(parent, SWT.PUSH);
        rerunAll.setText("Re-run All");
        rerunAll.setToolTipText("Runs every probe again on the case's evidence and answers");
        rerunAll.addListener(SWT.Selection, e -> rerunAll());
        tree = new ProbeTree(parent, true);
        tree.viewer().getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        tree.viewer().addDoubleClickListener(e -> {
            Object o = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (o instanceof ProbeTree.Evidence ev) o = ev.row();
            if (o instanceof ProbeTree.Row r) openStrategyFor(r);
        });
        session.addListener(this);
        refresh();
    }

    private void openStrategyFor(ProbeTree.Row r) {
        for (Contribution<StrategyDescriptor> c : PhotoParityRegistry.get().strategies()) {
            StrategyDescriptor s = c.instance();
            if (s.probeIds().contains(r.id()) || s.fix() == r.fix()) {
                String view = StrategyViewFactory.viewIdFor(s.id());
                if (view == null) continue;
                try {
                    if (parts != null) parts.showPart(view, EPartService.PartState.ACTIVATE);
                } catch (RuntimeException ex) {
                    summary.setText("Cannot open the view of " + s.title() + ": " + ex.getMessage());
                }
                return;
            }
        }
    }

    @Override
    public void sessionChanged(CaseSession.Change change) {
        if (change == CaseSession.Change.PROBES || change == CaseSession.Change.CASE) refresh();
    }

    private void refresh() {
        if (tree == null || tree.viewer().getControl().isDisposed()) return;
        List<ProbeTree.Row> rows = ProbeTree.rows(null, session::probe);
        tree.setRows(rows);
        Map<ProbeStatus, Integer> n = new EnumMap<>(ProbeStatus.class);
        int notRun = 0;
        for (ProbeTree.Row r : rows) {
            if (r.result() == null) notRun++;
            else n.merge(r.result().status(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder(rows.size() + " probes: ");
        sb.append(n.getOrDefault(ProbeStatus.FAIL, 0)).append(" fail, ")
                .append(n.getOrDefault(ProbeStatus.WARN, 0)).append(" warn, ")
                .append(n.getOrDefault(ProbeStatus.PASS, 0)).append(" pass, ")
                .append(n.getOrDefault(ProbeStatus.UNKNOWN, 0)).append(" unknown");
        if (notRun > 0) sb.append(", ").append(notRun).append(" not run yet");
        sb.append(". Double-click a probe to open the strategy of its fix.");
        summary.setText(sb.toString());
        summary.getParent().layout();
    }

    /** The rows shown (probe, result or null), for tests. */
    public List<ProbeResult> shownResults() {
        return tree.rows().stream().map(ProbeTree.Row::result).toList();
    }

    /** Runs every probe in a job; returns it, or null when one is already running. */
    public Job rerunAll() {
        if (running != null && running.getState() != Job.NONE) return null;
        Map<String, String> settings = UiPrefs.settings();
        Display display = summary.getDisplay();
        rerunAll.setEnabled(false);
        Job job = new Job("Running all probes") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    // read an attached device again rather than the file read at analysis time
                    CaseEvidence evidence = session.evidenceForRerun(settings, monitor);
                    List<ProbeResult> results = Analysis.runProbes(null, evidence, monitor);
                    display.asyncExec(() -> session.probesRerun(results));
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } finally {
                    display.asyncExec(() -> {
                        if (!rerunAll.isDisposed()) rerunAll.setEnabled(true);
                    });
                }
            }
        };
        running = job;
        job.schedule();
        return job;
    }

    @Focus
    public void setFocus() {
        tree.viewer().getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        session.removeListener(this);
        if (running != null) running.cancel();
    }
}
