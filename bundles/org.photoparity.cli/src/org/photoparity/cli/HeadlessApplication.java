package org.photoparity.cli;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The headless entry point: {@code -application org.photoparity.cli.app <command> ...}. */
public final class HeadlessApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        int rc;
        try {
            rc = new Cli(System.out, System.err).run(args == null ? new String[0] : args);
        } catch (Throwable t) { // NOPMD: the one place an Error may not take the process down with a trace
            System.err.println("photoparity: failed: " + t);
            rc = Cli.FAILED;
        }
        System.out.flush();
        System.err.flush();
        return Integer.valueOf(rc);
    }

    @Override
    public void stop() {
        // commands check their progress monitor; nothing to interrupt here
    }
}
