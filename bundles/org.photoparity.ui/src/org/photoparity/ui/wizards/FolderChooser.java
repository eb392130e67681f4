package org.photoparity.ui.wizards;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * The folder chooser behind the wizards' Browse buttons. It opens in the nearest existing folder of what is typed
 * (a case folder that does not exist yet opens in its parent), else in the home folder: GTK's chooser opened with no
 * folder shows "Recent", which has no New Folder button, so a case folder could not be created from Browse.
 */
public final class FolderChooser {

    private FolderChooser() {
    }

    /** The chooser, set up but not open (tests read its title, message and start folder). */
    public static DirectoryDialog dialog(Shell shell, String title, String message, String typed) {
        DirectoryDialog d = new DirectoryDialog(shell);
        d.setText(title);
        d.setMessage(message);
        d.setFilterPath(start(typed));
        return d;
    }

    /** Opens the chooser; the folder chosen (or created and chosen), or null. */
    public static String choose(Shell shell, String title, String message, String typed) {
        return dialog(shell, title, message, typed).open();
    }

    /** The chooser of an iOS backup folder (the wizard's and Case Properties' Browse), opened near {@code typed}. */
    public static String chooseBackup(Shell shell, String typed) {
        return choose(shell, "iOS backup folder", "Choose the backup folder (it holds Info.plist and Manifest.db)",
                typed);
    }

    /** The nearest existing folder of {@code typed} (itself when it exists), else the home folder. */
    public static String start(String typed) {
        Path home = Path.of(System.getProperty("user.home"));
        if (typed == null || typed.isBlank()) return home.toString();
        Path p;
        try {
            p = Path.of(typed.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return home.toString();
        }
        for (int depth = 0; p != null && depth < 256; depth++, p = p.getParent()) {
            if (Files.isDirectory(p)) return p.toString();
        }
        return home.toString();
    }
}
