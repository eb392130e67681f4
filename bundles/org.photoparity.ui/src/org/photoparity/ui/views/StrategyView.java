package org.photoparity.ui.views;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.StrategyDescriptor;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.engine.Analysis;
import org.photoparity.core.spi.IProbe;
import org.photoparity.evidence.AnswerKey;
import org.photoparity.ui.prefs.UiPrefs;
import org.photoparity.ui.session.CaseSession;

/**
 * One fix as the technician works it: why it happens, the questions only the technician can answer (Yes / No /
 * Don't know, the plan, the status-line text; saved in the case's answers file, and the fix's probes re-run at
 * once), the steps as a checklist (ticks are saved in the case), how to confirm it worked, and what the probes that
 * inform it found. A plain part: {@link StrategyViewFactory} makes the workbench view a fix bundle names in its
 * plugin.xml, and a test constructs it with a strategy id and a session.
 */
public final class StrategyView implements CaseSession.Listener {

    private final String strategyId;
    private final CaseSession session;
    private String partName = "";
    /** The answer widgets by key: what they show is re-read from the case on a case switch. */
    private final java.util.Map<String, java.util.function.Consumer<String>> answerShowers = new java.util.LinkedHashMap<>();
    /** What the answer widgets show now, by key (tests). */
    private final java.util.Map<String, java.util.function.Supplier<String>> answerShown = new java.util.LinkedHashMap<>();
    private Label answerState;
    private boolean showingAnswers;
    private StrategyDescriptor strategy;
    private ScrolledComposite scroll;
    private Composite body;
    private final List<Button> steps = new ArrayList<>();
    private Label checklistState;
    private ProbeTree probes;
    private Button rerun;
    private Label rerunState;
    private Job running;

    public StrategyView(String strategyId, CaseSession session) {
        this.strategyId = strategyId;
        this.session = session;
    }

    /** The title shown on the part's tab. */
    public String getPartName() {
        return partName;
    }

    void setPartName(String name) {
        partName = name == null ? "" : name;
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

    public void create(Composite parent) {
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
        if (getPartName().isEmpty()) setPartName(strategy.title());

        Label title = new Label(body, SWT.WRAP);
        title.setText(Mnemonics.escape(strategy.title()));
        title.setToolTipText("Fix " + strategy.fix() + " (" + strategy.id() + ")");
        title.setFont(JFaceResources.getHeaderFont());
        title.setLayoutData(fill());

        heading("Why it causes mismatches");
        wrapped(strategy.why(), SWT.NONE);

        List<AnswerKey> questions = questions();
        if (!questions.isEmpty()) {
            heading("What you see on the iPhone");
            for (AnswerKey k : questions) question(k);
            answerState = new Label(body, SWT.WRAP);
            answerState.setLayoutData(fill());
        }

        heading("Steps (tick each one as it is done)");
        for (int i = 0; i < strategy.steps().size(); i++) {
            Button b = new Button(body, SWT.CHECK | SWT.WRAP);
            b.setText(Mnemonics.escape((i + 1) + ". " + strategy.steps().get(i)));
            GridData gd = fill();
            gd.horizontalIndent = 6;
            b.setLayoutData(gd);
            b.addListener(SWT.Selection, e -> checklistChanged());
            steps.add(b);
        }
        checklistState = new Label(body, SWT.WRAP);
        checklistState.setLayoutData(fill());

        heading("How to confirm it worked");
        wrapped(strategy.confirm().isBlank() ? "Re-analyze the case: the mismatches this fix explains should be gone."
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
        rerun.setToolTipText("Runs " + String.join(", ", ProbeTree.rows(strategy.probeIds(), id -> null).stream()
                .map(ProbeTree.Row::name).toList())
                + " again on the case's evidence and answers, reading an attached iPhone again");
        rerun.setEnabled(!strategy.probeIds().isEmpty());
        rerun.addListener(SWT.Selection, e -> rerun());
        rerunState = new Label(bar, SWT.WRAP);
        rerunState.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        session.addListener(this);
        showChecklist();
        showAnswers();
        showProbes();
        reflow();
    }

    /** The answer keys this fix's probes read, as their plugin.xml declares them ({@code answers="k1,k2"}). */
    List<AnswerKey> questions() {
        List<AnswerKey> out = new ArrayList<>();
        for (Contribution<IProbe> c : PhotoParityRegistry.get().probes()) {
            if (!strategy.probeIds().contains(c.id())) continue;
            String declared = c.attribute("answers");
            if (declared == null) continue;
            for (String k : declared.split(",")) {
                AnswerKey.of(k.trim()).filter(a -> !out.contains(a)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** One question: its text, and Yes / No / Don't know, the plan as a choice, or a text field. */
    private void question(AnswerKey k) {
        Label q = new Label(body, SWT.WRAP);
        q.setText(Mnemonics.escape(k.question()));
        q.setToolTipText(k.key() + " in answers.properties");
        GridData qg = fill();
        qg.verticalIndent = 4;
        q.setLayoutData(qg);
        Composite row = new Composite(body, SWT.NONE);
        GridLayout rl = new GridLayout(4, false);
        rl.marginHeight = 0;
        rl.marginLeft = 12;
        row.setLayout(rl);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        switch (k.kind()) {
            case YES_NO -> {
                String[][] choices = { { "Yes", "yes" }, { "No", "no" }, { "Don't know", "" } };
                List<Button> radios = new ArrayList<>();
                for (String[] c : choices) {
                    Button r = new Button(row, SWT.RADIO);
                    r.setText(c[0]);
                    r.setData(c[1]);
                    r.addListener(SWT.Selection, e -> {
                        if (r.getSelection() && !showingAnswers) answer(k, c[1]);
                    });
                    radios.add(r);
                }
                answerShowers.put(k.key(), v -> {
                    for (Button r : radios) r.setSelection(r.getData().equals(v == null ? "" : v));
                });
                answerShown.put(k.key(), () -> radios.stream().filter(Button::getSelection)
                        .map(r -> (String) r.getData()).findFirst().orElse(null));
            }
            case PLAN -> {
                Combo plan = new Combo(row, SWT.READ_ONLY);
                plan.add("Don't know");
                for (String c : k.choices()) plan.add(c);
                plan.addListener(SWT.Selection, e -> {
                    if (!showingAnswers) answer(k, plan.getSelectionIndex() <= 0 ? "" : plan.getText());
                });
                answerShowers.put(k.key(), v -> {
                    int i = v == null || v.isBlank() ? 0 : plan.indexOf(v);
                    plan.select(Math.max(0, i));
                });
            }
            case NUMBER, TEXT -> {
                Text t = new Text(row, SWT.BORDER | SWT.SINGLE);
                GridData tg = new GridData(SWT.FILL, SWT.CENTER, true, false);
                tg.widthHint = k.kind() == AnswerKey.Kind.NUMBER ? 80 : 360;
                tg.grabExcessHorizontalSpace = k.kind() == AnswerKey.Kind.TEXT;
                t.setLayoutData(tg);
                t.setMessage(k.kind() == AnswerKey.Kind.NUMBER ? "GB" : "as shown, word for word");
                Button save = new Button(row, SWT.PUSH);
                save.setText("Save");
                Runnable store = () -> {
                    if (showingAnswers) return;
                    if (k.normalize(t.getText()).isEmpty()) {
                        answerState.setText(k.key() + ": \"" + t.getText() + "\" is not a number of gigabytes.");
                        return;
                    }
                    answer(k, t.getText());
                };
                save.addListener(SWT.Selection, e -> store.run());
                t.addListener(SWT.DefaultSelection, e -> store.run());
                answerShowers.put(k.key(), v -> t.setText(v == null ? "" : v));
            }
        }
    }

    /** Saves an answer in the case and re-runs this fix's probes on it. */
    private void answer(AnswerKey k, String value) {
        try {
            session.setAnswer(k.key(), value);
            answerState.setText("Saved " + k.key() + " = " + (value.isBlank() ? "(don't know)" : value)
                    + " in " + session.caseFolder().answersFile().getFileName() + "; re-running the probes...");
            rerun();
        } catch (IOException e) {
            answerState.setText(e.getMessage());
            showAnswers();
        }
        answerState.getParent().layout(new Control[] { answerState });
    }

    /** Shows the case's answers in the widgets. */
    private void showAnswers() {
        if (answerShowers.isEmpty()) return;
        java.util.Map<String, String> answers = session.answers();
        showingAnswers = true;
        try {
            for (var e : answerShowers.entrySet()) {
                String v = answers.get(e.getKey());
                AnswerKey k = AnswerKey.of(e.getKey()).orElseThrow();
                e.getValue().accept(v == null ? "" : k.normalize(v).orElse(v));
            }
        } finally {
            showingAnswers = false;
        }
        if (answerState != null && answerState.getText().isEmpty()) {
            answerState.setText(session.hasCase() ? "Answers are saved in the case's answers.properties."
                    : "Open or create a case to keep answers.");
        }
    }

    /** Answers a question through its widgets, as a click would (for tests). */
    public void answerFor(String key, String value) {
        AnswerKey k = AnswerKey.of(key).orElseThrow();
        answer(k, value);
        showAnswers();
    }

    /** What the widgets of question {@code key} show: "yes", "no", "" (don't know), null when none is chosen. */
    public String shownAnswer(String key) {
        var s = answerShown.get(key);
        return s == null ? null : s.get();
    }

    /** The keys this view asks about, in order. */
    public List<String> questionKeys() {
        return List.copyOf(answerShowers.keySet());
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
        l.setText(Mnemonics.escape(text));
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
            case CASE -> {
                showChecklist();
                showAnswers();
            }
            case CHECKLIST -> showChecklist();
            case ANSWERS -> showAnswers();
            case PROBES -> showProbes();
            default -> { }
        }
    }

    private void showChecklist() {
        Set<Integer> ticked = session.checklist(strategyId);
        for (int i = 0; i < steps.size(); i++) steps.get(i).setSelection(ticked.contains(i));
        describeChecklist(ticked.size(), session.hasCase());
    }

    private void describeChecklist(int ticked, boolean saved) {
        String where = saved ? "saved with the case " + Mnemonics.escape(session.caseFolder().data().name())
                : "not saved: open or create a case to keep the checklist";
        checklistState.setText(ticked + " of " + steps.size() + " steps done (" + where + ")");
        checklistState.getParent().layout(new Control[] { checklistState });
    }

    private void checklistChanged() {
        Set<Integer> ticked = tickedSteps();
        try {
            boolean saved = session.setChecklist(strategyId, ticked);
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
        probes.setRows(ProbeTree.rows(strategy.probeIds(), session::probe));
    }

    /** The probe results shown, in order. */
    public List<ProbeResult> shownResults() {
        List<ProbeResult> out = new ArrayList<>();
        for (ProbeTree.Row r : probes.rows()) out.add(r.result());
        return out;
    }

    /** Re-runs this strategy's probes in a job; returns it (tests join it), or null when one is running. */
    public Job rerun() {
        if (strategy == null) return null;
        if (running != null && running.getState() != Job.NONE) running.cancel(); // newer answers win
        List<String> ids = strategy.probeIds();
        Map<String, String> settings = UiPrefs.settings();
        Display display = body.getDisplay();
        rerun.setEnabled(false);
        rerunState.setText("Running " + ids.size() + " probe(s)...");
        Job job = new Job("Re-running the probes of fix " + strategy.fix()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    // read an attached device again rather than the file read at analysis time
                    CaseEvidence evidence = session.evidenceForRerun(settings, monitor);
                    List<ProbeResult> results = Analysis.runProbes(ids, evidence, monitor);
                    display.asyncExec(() -> {
                        session.probesRerun(results);
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
        if (answerState != null && !answerState.isDisposed() && answerState.getText().endsWith("re-running the probes...")) {
            answerState.setText(answerState.getText().replace("re-running the probes...", "the probes re-ran."));
        }
        rerunState.getParent().layout();
    }

    public void setFocus() {
        if (!steps.isEmpty()) steps.get(0).setFocus();
        else body.setFocus();
    }

    public void dispose() {
        session.removeListener(this);
        if (running != null) running.cancel();
    }
}
