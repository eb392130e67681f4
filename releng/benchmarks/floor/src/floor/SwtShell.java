package floor;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** The floor below OSGi: the product's Java and SWT jar, one shell, no framework (workbench-floor.sh). */
public final class SwtShell {
    public static void main(String[] args) {
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setText("Floor swt - PhotoParity");
        shell.setSize(1280, 800);
        shell.open();
        while (!shell.isDisposed()) {
            if (!display.readAndDispatch()) display.sleep();
        }
        display.dispose();
    }
}
