package org.photoparity.ui.views;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.StrategyDescriptor;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.engine.Analysis;
import org.photoparity.ui.prefs.UiPrefs;
import org.photoparity.ui.session.CaseSession;

/**
 * One of the seven fixes as the technician works it: why it happens, the steps as a checklist (ticks are saved in
 * the case), how to confirm it worked, and what the probes that inform it found, with a button to re-run them.
 * Created by {@link StrategyViewFactory} for the strategy id a fix bundle names in its plugin.xml.
 */
public final class StrategyView extends ViewPart implements CaseSession.Listener {

    private final String strategyId;
    private StrategyDescriptor strategy;
    private ScrolledComposite scroll;
    private Composite body;
    private final List<Button> steps = new ArrayList<>();
    private Label checklistState;
    private ProbeTree probes;
    private Button rerun;
    private Label rerunState;
    private Job running;

    public StrategyView(String strategyId) {
        this.strategyId = strategyId;
    }

    public String strategyId() {
        return strategyId;
    }

    public StrategyDescriptor strategy() {
        return strategy;
    }

    static StrategyDescriptor find(String id) {
        for (Contribution<StrategyDescriptor> c : PhotoParityRegistry.get().strategies()) {
            if (c.id().equals(id)) return c.instance();
        }
        return null;
    }

    @Override
    public void createPartControl(Composite parent) {
        strategy = find(strategyId);
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        body = new Composite(scroll, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 12;
        gl.marginHeight = 10;
        gl.verticalSpacing = 6;
        body.setLayout(gl);
        scroll.setContent(body);
        scroll.addListener(SWT.Resize, e -> reflow());

        if (strategy == null) {
            wrapped("No strategy with id '" + strategyId + "' is installed, or its bundle is broken. "
                    + "See Window > Show View > Plug-ins for the reason, or reinstall the fix bundle.", SWT.NONE);
            reflow();
            return;
        }
        if (!strategy.title().equals(getPartName()) && getPartName().isEmpty()) setPartName(strategy.title());

        Label title = new Label(body, SWT.WRAP);
        title.setText("Fix " + strategy.fix() + ": " + strategy.title());
        title.setFont(JFaceResources.getHeaderFont());
        title.setLayoutData(fill());

        heading("Why it causes mismatches");
        wrapped(strategy.why(), SWT.NONE);

        heading("Steps (tick each one as it is done)");
        for (int i = 0; i < strategy.steps().size(); i++) {
            Button b = new Button(body, SWT.CHECK | SWT.WRAP);
            b.setText((i + 1) + ". " + strategy.steps().get(i));
            GridData gd = fill();
            gd.horizontalIndent = 6;
            b.setLayoutData(gd);
            b.addListener(SWT.Selection, e -> checklistChanged());
            steps.add(b);
        }
        checklistState = new Label(body, SWT.WRAP);
        checklistState.setLayoutData(fill());

        heading("How to confirm it worked");
        wrapped(strategy.confirm().isBlank() ? "Re-analyse the case: the mismatches this fix explains should be gone."
                : strategy.confirm(), SWT.NONE);

        heading("What the evidence says");
        probes = new ProbeTree(body, false);
        GridData tg = new GridData(SWT.FILL, SWT.FILL, true, false);
        tg.heightHint = 150;
        tg.widthHint = 200;
        probes.viewer().getControl().setLayoutData(tg);
        Composite bar = new Composite(body, SWT.NONE);
        GridLayout bl = new GridLayout(2, false);
        bl.marginWidth = 0;
        bar.setLayout(bl);
        bar.setLayoutData(fill());
        rerun = new Button(bar, SWT.PUSH);
        rerun.setText("Re-run probes");
        rerun.setToolTipText("Runs " + String.join(", ", strategy.probeIds()) + " again on the case's evidence");
        rerun.setEnabled(!strategy.probeIds().isEmpty());
        rerun.addListener(SWT.Selection, e -> rerun());
        rerunState = new Label(bar, SWT.WRAP);
        rerunState.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        CaseSession.get().addListener(this);
        showChecklist();
        showProbes();
        reflow();
    }

    private static GridData fill() {
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.widthHint = 200; // the real width comes from the view; this keeps long text from widening it
        return gd;
    }

    private void heading(String text) {
        Label l = new Label(body, SWT.NONE);
        l.setText(text);
        l.setFont(JFaceResources.getBannerFont());
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.verticalIndent = 8;
        l.setLayoutData(gd);
    }

    private Label wrapped(String text, int style) {
        Label l = new Label(body, SWT.WRAP | style);
        l.setText(text);
        l.setLayoutData(fill());
        return l;
    }

    private void reflow() {
        if (scroll.isDisposed()) return;
        int w = scroll.getClientArea().width;
        if (w <= 0) w = 600;
        scroll.setMinSize(body.computeSize(w, SWT.DEFAULT));
        body.layout(true, true);
    }

    @Override
    public void sessionChanged(CaseSession.Change change) {
        if (body == null || body.isDisposed()) return;
        switch (change) {
            case CASE, CHECKLIST -> showChecklist();
            case PROBES -> showProbes();
            default -> { }
        }
    }

    private void showChecklist() {
        Set<Integer> ticked = CaseSession.get().checklist(strategyId);
        for (int i = 0; i < steps.size(); i++) steps.get(i).setSelection(ticked.contains(i));
        describeChecklist(ticked.size(), CaseSession.get().hasCase());
    }

    private void describeChecklist(int ticked, boolean saved) {
        String where = saved ? "saved with the case " + CaseSession.get().caseFolder().data().name()
                : "not saved: open or create a case to keep the checklist";
        checklistState.setText(ticked + " of " + steps.size() + " steps done (" + where + ")");
        checklistState.getParent().layout(new Control[] { checklistState });
    }

    private void checklistChanged() {
        Set<Integer> ticked = tickedSteps();
        try {
            boolean saved = CaseSession.get().setChecklist(strategyId, ticked);
            describeChecklist(ticked.size(), saved);
        } catch (IOException ex) {
            checklistState.setText("Could not save the checklist: " + ex.getMessage());
        }
    }

    /** Indices (0-based) of the ticked steps. */
    public Set<Integer> tickedSteps() {
        Set<Integer> ticked = new TreeSet<>();
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).getSelection()) ticked.add(i);
        return ticked;
    }

    /** The check buttons, one per step (for tests and accessibility tools). */
    public List<Button> stepButtons() {
        return List.copyOf(steps);
    }

    private void showProbes() {
        if (probes == null) return;
        probes.setRows(ProbeTree.rows(strategy.probeIds(), CaseSession.get()::probe));
    }

    /** The probe results shown, in order. */
    public List<ProbeResult> shownResults() {
        List<ProbeResult> out = new ArrayList<>();
        for (ProbeTree.Row r : probes.rows()) out.add(r.result());
        return out;
    }

    /** Re-runs this strategy's probes in a job; returns it (tests join it), or null when one is running. */
    public Job rerun() {
        if (strategy == null || (running != null && running.getState() != Job.NONE)) return null;
        List<String> ids = strategy.probeIds();
        CaseEvidence evidence = CaseSession.get().evidenceForProbes(UiPrefs.settings());
        Display display = body.getDisplay();
        rerun.setEnabled(false);
        rerunState.setText("Running " + ids.size() + " probe(s)...");
        Job job = new Job("Re-running the probes of fix " + strategy.fix()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    List<ProbeResult> results = Analysis.runProbes(ids, evidence, monitor);
                    display.asyncExec(() -> {
                        CaseSession.get().probesRerun(results);
                        finished("Re-ran " + results.size() + " probe(s) at "
                                + java.time.LocalTime.now().withNano(0) + ".");
                    });
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    display.asyncExec(() -> finished("Cancelled."));
                    return Status.CANCEL_STATUS;
                }
            }
        };
        job.setPriority(Job.SHORT);
        running = job;
        job.schedule();
        return job;
    }

    private void finished(String message) {
        if (rerun == null || rerun.isDisposed()) return;
        rerun.setEnabled(true);
        rerunState.setText(message);
        rerunState.getParent().layout();
    }

    @Override
    public void setFocus() {
        if (!steps.isEmpty()) steps.get(0).setFocus();
        else body.setFocus();
    }

    @Override
    public void dispose() {
        CaseSession.get().removeListener(this);
        if (running != null) running.cancel();
        super.dispose();
    }
}
