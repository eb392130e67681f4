package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.demo.DemoCase;
import org.photoparity.ui.wizards.FolderChooser;
import org.photoparity.ui.wizards.NewCaseWizard;
import org.photoparity.ui.wizards.PathListEditor;

/**
 * Issue 14, the wizard: sources and evidence are list editors with Add/Remove and a status per row; a typed path is
 * added with Enter, a double-click takes a row back to be corrected, and the page's warning goes with the typo.
 */
class NewCaseWizardUiTest {

    @TempDir
    Path tmp;

    private static void enter(PathListEditor e, String text) {
        e.entry().setText(text);
        e.entry().notifyListeners(SWT.DefaultSelection, new Event());
        Ui.drain();
    }

    @Test
    void eachRowSaysWhatItIsAndATypoCanBeCorrected() throws Exception {
        DemoCase.Demo demo = DemoCase.create(tmp.resolve("demo"));
        NewCaseWizard wizard = new NewCaseWizard();
        WizardDialog dialog = new WizardDialog(Ui.page().getWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            NewCaseWizard.SourcesPage page = wizard.sourcesPage();
            page.fill("Typo", tmp.resolve("case"), List.of(), List.of(demo.cloud().toString()));
            PathListEditor device = page.deviceList();
            assertEquals(0, device.entry().getStyle() & SWT.MULTI, "a one-line entry: Tab cannot type a tab");

            String typo = demo.device() + "-typo";
            enter(device, typo);
            assertEquals(List.of(typo), device.paths());
            assertEquals("", device.entry().getText(), "Enter adds the path and empties the entry");
            assertTrue(device.statuses().get(0).startsWith("not found"), device.statuses().toString());
            assertEquals(List.of("Folder of photos"), page.cloudList().statuses());
            assertTrue(page.getMessage().contains("Cannot be read (yet): " + typo), page.getMessage());

            // a double-click takes the row back into the entry to be corrected
            device.table().setSelection(0);
            device.table().notifyListeners(SWT.MouseDoubleClick, new Event());
            assertEquals(List.of(), device.paths());
            assertEquals(typo, device.entry().getText());
            enter(device, demo.device().toString());
            assertEquals(List.of("Folder of photos"), device.statuses());
            assertNull(page.getMessage(), "the warning went with the typo");
            assertNull(page.getErrorMessage());
            assertTrue(wizard.canFinish());

            // evidence rows: an ideviceinfo file is recognised with its domain, anything else says why not
            dialog.showPage(wizard.evidencePage());
            PathListEditor info = wizard.evidencePage().deviceInfoList();
            Path notInfo = Files.writeString(tmp.resolve("notes.txt"), "just some notes\n");
            var first = demo.ideviceinfo().entrySet().iterator().next();
            info.setPaths(List.of(first.getKey() + "=" + first.getValue(), notInfo.toString()));
            List<String> st = info.statuses();
            assertTrue(st.get(0).startsWith("ideviceinfo ") && st.get(0).endsWith(" values"), st.toString());
            assertEquals(1, info.problems().size(), info.problems().toString());
            assertTrue(info.problems().get(0).startsWith(notInfo + ": "), info.problems().toString());
        } finally {
            dialog.close();
        }
    }

    /**
     * Browse opens GTK's folder chooser in a folder, where it has its New Folder button (opened with no folder it
     * shows "Recent", which has none: "Browse cannot create a folder"): the case folder typed, or its nearest
     * existing parent when it does not exist yet, else the home folder.
     */
    @Test
    void browseOpensInAFolderSoANewFolderCanBeCreated() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("cases"));
        var shell = Ui.page().getWorkbenchWindow().getShell();
        var notYet = FolderChooser.dialog(shell, "Case folder", NewCaseWizard.CASE_FOLDER_MESSAGE,
                parent.resolve("anna/iphone-7").toString());
        assertEquals(parent.toString(), notYet.getFilterPath(), "a case folder not made yet: its existing parent");
        assertEquals("Case folder", notYet.getText());
        assertTrue(notYet.getMessage().contains("New Folder"), notYet.getMessage());
        assertEquals(parent.toString(), FolderChooser.start(parent.toString()));
        assertEquals(System.getProperty("user.home"), FolderChooser.start(""), "nothing typed: the home folder");
        assertEquals(System.getProperty("user.home"), FolderChooser.start("   "));
        assertEquals(tmp.toString(), FolderChooser.start(tmp.resolve("a/../b/c").toString()));
    }
}
