package org.photoparity.ui.views;

/**
 * Text from files (case names, strategy steps, probe summaries) shown on a Label, Button or menu item: SWT reads a
 * single {@code &} there as a mnemonic (an underlined letter and an Alt shortcut), so it is doubled.
 */
public final class Mnemonics {

    private Mnemonics() {
    }

    /** {@code s} with every {@code &} doubled; null gives "". */
    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&&");
    }
}
