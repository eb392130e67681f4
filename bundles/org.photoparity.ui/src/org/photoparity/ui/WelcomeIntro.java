package org.photoparity.ui;

import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.intro.IIntroSite;
import org.eclipse.ui.part.IntroPart;

/**
 * Help > Welcome: what PhotoParity does, how to start (New Case, the demo), and where each kind of evidence comes
 * from. Shown on demand only (the product does not open it at start-up).
 */
public final class WelcomeIntro extends IntroPart {

    /** What the page says, section by section: a heading and its text. */
    static final String[][] SECTIONS = {
            { "What PhotoParity does",
                    "It compares an iPhone's photo library with the same Apple ID's iCloud library, asset by asset, "
                            + "sorts every difference into a category (missing in the cloud, reduced, converted...), "
                            + "and checks the seven usual fixes with evidence from the device." },
            { "The photos on each side",
                    "Device side: the DCIM folder of the iPhone (USB, Image Capture, or a copy), or an iOS backup "
                            + "folder. Cloud side: the zips of an iCloud privacy export (privacy.apple.com), or a "
                            + "folder downloaded with icloudpd." },
            { "Device evidence (optional)",
                    "ideviceinfo output (libimobiledevice) for storage, battery and iOS version; an iOS backup for "
                            + "Photos.sqlite; and the answers only the technician can give (each fix view asks them)." },
            { "Nothing is ever written to the photos",
                    "A case is a folder of its own: case.json, the answers, the scan cache and the results." } };

    private Composite body;

    @Override
    public void init(IIntroSite site, IMemento memento) throws org.eclipse.ui.PartInitException {
        super.init(site, memento);
    }

    @Override
    public void createPartControl(Composite parent) {
        ScrolledComposite scroll = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        body = new Composite(scroll, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 24;
        gl.marginHeight = 18;
        gl.verticalSpacing = 8;
        body.setLayout(gl);
        scroll.setContent(body);
        Label title = new Label(body, SWT.NONE);
        title.setText("Welcome to PhotoParity");
        title.setFont(JFaceResources.getHeaderFont());
        Composite buttons = new Composite(body, SWT.NONE);
        buttons.setLayout(new GridLayout(3, false));
        button(buttons, "New Case...", "org.photoparity.ui.newCase");
        button(buttons, "Open Case...", "org.photoparity.ui.openCase");
        button(buttons, "Open the Demo", "org.photoparity.ui.openDemo");
        for (String[] s : SECTIONS) {
            Label h = new Label(body, SWT.NONE);
            h.setText(s[0]);
            h.setFont(JFaceResources.getBannerFont());
            GridData hg = new GridData(SWT.FILL, SWT.TOP, true, false);
            hg.verticalIndent = 8;
            h.setLayoutData(hg);
            Label t = new Label(body, SWT.WRAP);
            t.setText(s[1]);
            GridData tg = new GridData(SWT.FILL, SWT.TOP, true, false);
            tg.widthHint = 400;
            t.setLayoutData(tg);
        }
        scroll.addListener(SWT.Resize, e -> {
            int w = scroll.getClientArea().width;
            scroll.setMinSize(body.computeSize(w, SWT.DEFAULT));
        });
    }

    private void button(Composite parent, String text, String command) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> {
            try {
                PlatformUI.getWorkbench().getIntroManager().closeIntro(this);
                PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(command, null);
            } catch (NotDefinedException | org.eclipse.core.commands.ExecutionException
                    | org.eclipse.core.commands.NotEnabledException | org.eclipse.core.commands.NotHandledException ex) {
                b.setToolTipText("Could not run " + command + ": " + ex.getMessage());
            }
        });
    }

    @Override
    public void standbyStateChanged(boolean standby) {
        // one layout for both states
    }

    @Override
    public void setFocus() {
        if (body != null) body.setFocus();
    }
}
