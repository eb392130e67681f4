package org.photoparity.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** Labels the views share. */
final class Labels {

    private Labels() {
    }

    /**
     * A label that wraps to the width its grid column gives it (the width hint keeps a long text from widening the
     * view instead), in {@code font} when not null, aligned {@code vertical} (SWT.TOP, SWT.CENTER).
     */
    static Label wrapping(Composite parent, Font font, int vertical) {
        Label l = new Label(parent, SWT.WRAP);
        if (font != null) l.setFont(font);
        GridData g = new GridData(SWT.FILL, vertical, true, false);
        g.widthHint = 300;
        l.setLayoutData(g);
        return l;
    }
}
