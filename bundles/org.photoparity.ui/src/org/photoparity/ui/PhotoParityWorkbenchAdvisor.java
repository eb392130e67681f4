package org.photoparity.ui;

import java.lang.management.ManagementFactory;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** The PhotoParity shell: window, menus, and the Reconcile perspective. It knows no plug-in by name. */
final class PhotoParityWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public String getInitialWindowPerspectiveId() {
        return ReconcilePerspective.ID;
    }

    @Override
    public void preStartup() {
        // before any part is restored: the session parts get injected lives in the workbench's context
        org.photoparity.ui.session.CaseSession.current();
    }

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        // layout, view stacking and sizes persist across restarts
        configurer.setSaveAndRestore(true);
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer c) {
        return new WorkbenchWindowAdvisor(c) {
            @Override
            public void preWindowOpen() {
                c.setInitialSize(new Point(1280, 800));
                c.setShowMenuBar(true);
                c.setShowCoolBar(true);
                c.setShowStatusLine(true);
                c.setShowProgressIndicator(true);
                c.setShowPerspectiveBar(false);
                c.setTitle("PhotoParity");
                // the session of the open case: parts get it injected from the workbench's context
                org.photoparity.ui.session.CaseSession.current();
            }

            @Override
            public void postWindowOpen() {
                org.photoparity.ui.session.CaseSession session = org.photoparity.ui.session.CaseSession.current();
                Runnable title = () -> {
                    if (c.getWindow().getShell().isDisposed()) return;
                    c.getWindow().getShell().setText(session.hasCase()
                            ? session.caseFolder().data().name() + " - PhotoParity" : "PhotoParity");
                };
                title.run();
                session.addListener(change -> {
                    if (change == org.photoparity.ui.session.CaseSession.Change.CASE) title.run();
                });
                WorkbenchApplication.startupMillis = System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime();
                if (Boolean.getBoolean("photoparity.printStartup")) {
                    System.out.println("photoparity: workbench usable after " + WorkbenchApplication.startupMillis + " ms");
                }
                startAfterFirstPaint(c.getWindow().getShell().getDisplay());
            }

            @Override
            public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer abc) {
                return new MenuAdvisor(abc);
            }
        };
    }

    /**
     * Paint first: the last case is opened (read in a job, its saved results shown when ready) only once the window's
     * first frame is complete, so a restart with a case never shows a black window while the case loads. Ten seconds
     * without a paint (a window opened minimized or off-screen) start it anyway: on a loaded machine the first paint
     * can come seconds after postWindowOpen.
     */
    private static void startAfterFirstPaint(org.eclipse.swt.widgets.Display display) {
        WorkbenchApplication.afterFirstFrame(display, 10_000, () -> CaseActions.startup(display));
    }

    /** File, Window and Help menus; plug-ins add to them through menu contributions. */
    private static final class MenuAdvisor extends ActionBarAdvisor {
        private IWorkbenchAction quit;
        private IWorkbenchAction about;
        private IWorkbenchAction preferences;
        private IWorkbenchAction resetPerspective;
        private IWorkbenchAction welcome;
        private IWorkbenchWindow window;

        MenuAdvisor(IActionBarConfigurer configurer) {
            super(configurer);
        }

        @Override
        protected void makeActions(IWorkbenchWindow window) {
            this.window = window;
            quit = ActionFactory.QUIT.create(window);
            about = ActionFactory.ABOUT.create(window);
            preferences = ActionFactory.PREFERENCES.create(window);
            resetPerspective = ActionFactory.RESET_PERSPECTIVE.create(window);
            register(quit);
            register(about);
            register(preferences);
            register(resetPerspective);
            welcome = ActionFactory.INTRO.create(window);
            register(welcome);
        }

        @Override
        protected void fillMenuBar(IMenuManager menuBar) {
            MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
            file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
            file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
            file.add(new Separator());
            file.add(quit);
            file.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));
            menuBar.add(file);

            menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));

            MenuManager window = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
            MenuManager showView = new MenuManager("Show &View", "showView");
            showView.add(org.eclipse.ui.actions.ContributionItemFactory.VIEWS_SHORTLIST.create(this.window));
            window.add(showView);
            window.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
            window.add(new Separator());
            window.add(resetPerspective);
            window.add(preferences);
            menuBar.add(window);

            MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
            help.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
            help.add(welcome);
            help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
            help.add(new Separator());
            help.add(about);
            help.add(new GroupMarker(IWorkbenchActionConstants.HELP_END));
            menuBar.add(help);
        }
    }
}
