package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.Command;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.SWT;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.junit.jupiter.api.Test;

/** Help > About and Help > Install New Software (p2) are in the shell's menu and enabled. */
class ShellMenusUiTest {

    private static List<String> helpItems() {
        List<String> items = new ArrayList<>();
        Runnable r = () -> {
            Menu bar = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar();
            assertNotNull(bar, "menu bar");
            for (MenuItem top : bar.getItems()) {
                if (!top.getText().replace("&", "").equals("Help")) continue;
                Menu help = top.getMenu();
                // menus are filled when shown: let the contribution managers populate them
                help.notifyListeners(SWT.Show, new Event());
                for (MenuItem i : help.getItems()) items.add(i.getText().replace("&", "") + (i.isEnabled() ? "" : " [disabled]"));
                help.notifyListeners(SWT.Hide, new Event());
            }
        };
        if (Display.getCurrent() != null) r.run();
        else Display.getDefault().syncExec(r);
        return items;
    }

    @Test
    void helpMenuHasAboutAndInstallNewSoftware() {
        List<String> items = helpItems();
        assertTrue(items.stream().anyMatch(s -> s.startsWith("About")), items.toString());
        assertTrue(items.stream().anyMatch(s -> s.startsWith("Install New Software") && !s.contains("[disabled]")),
                items.toString());
    }

    @Test
    void p2InstallCommandIsDefinedAndHandled() {
        Runnable r = () -> {
            ICommandService cs = PlatformUI.getWorkbench().getService(ICommandService.class);
            Command c = cs.getCommand("org.eclipse.equinox.p2.ui.sdk.install");
            assertTrue(c.isDefined(), "p2 install command defined");
            assertTrue(c.isHandled(), "p2 install command has a handler");
        };
        if (Display.getCurrent() != null) r.run();
        else Display.getDefault().syncExec(r);
    }
}
