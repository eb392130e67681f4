package org.photoparity.ui.views;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.StrategyDescriptor;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.engine.Analysis;
import org.photoparity.ui.prefs.UiPrefs;
import org.photoparity.ui.session.CaseSession;

/** Every probe with its last result and evidence; double-click opens the strategy view of its fix. */
public final class ProbesView extends ViewPart implements CaseSession.Listener {
    public static final String ID = "org.photoparity.ui.views.probes";

    private ProbeTree tree;
    private Label summary;
    private Action rerunAll;
    private Job running;

    @Override
    public void createPartControl(Composite parent) {
        GridLayout gl = new GridLayout(1, false);
        parent.setLayout(gl);
        summary = new Label(parent, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        tree = new ProbeTree(parent, true);
        tree.viewer().getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tree.viewer().addDoubleClickListener(e -> {
            Object o = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (o instanceof ProbeTree.Evidence ev) o = ev.row();
            if (o instanceof ProbeTree.Row r) openStrategyFor(r);
        });
        rerunAll = new Action("Re-run all probes") {
            @Override
            public void run() {
                rerunAll();
            }
        };
        rerunAll.setToolTipText("Runs every probe again on the case's evidence");
        rerunAll.setImageDescriptor(org.eclipse.ui.PlatformUI.getWorkbench().getSharedImages()
                .getImageDescriptor(org.eclipse.ui.ISharedImages.IMG_TOOL_REDO));
        getViewSite().getActionBars().getToolBarManager().add(rerunAll);
        CaseSession.get().addListener(this);
        refresh();
    }

    private void openStrategyFor(ProbeTree.Row r) {
        for (Contribution<StrategyDescriptor> c : PhotoParityRegistry.get().strategies()) {
            StrategyDescriptor s = c.instance();
            if (s.probeIds().contains(r.id()) || s.fix() == r.fix()) {
                String view = StrategyViewFactory.viewIdFor(s.id());
                if (view == null) continue;
                try {
                    getSite().getPage().showView(view);
                } catch (PartInitException ex) {
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
        List<ProbeTree.Row> rows = ProbeTree.rows(null, CaseSession.get()::probe);
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
        CaseEvidence evidence = CaseSession.get().evidenceForProbes(UiPrefs.settings());
        Display display = summary.getDisplay();
        rerunAll.setEnabled(false);
        Job job = new Job("Running all probes") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    List<ProbeResult> results = Analysis.runProbes(null, evidence, monitor);
                    display.asyncExec(() -> CaseSession.get().probesRerun(results));
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } finally {
                    display.asyncExec(() -> rerunAll.setEnabled(true));
                }
            }
        };
        running = job;
        job.schedule();
        return job;
    }

    @Override
    public void setFocus() {
        tree.viewer().getControl().setFocus();
    }

    @Override
    public void dispose() {
        CaseSession.get().removeListener(this);
        if (running != null) running.cancel();
        super.dispose();
    }
}
