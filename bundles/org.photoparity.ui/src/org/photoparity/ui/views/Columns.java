package org.photoparity.ui.views;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;

/** A movable text column of a table viewer whose rows are of one type: shared by the simple list views. */
final class Columns {
    private Columns() {
    }

    static <T> TableViewerColumn text(TableViewer viewer, Class<T> type, String title, int width,
            Function<T, String> text, Function<T, Font> font) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.getColumn().setMoveable(true);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(type.cast(element));
            }

            @Override
            public Font getFont(Object element) {
                return font == null ? null : font.apply(type.cast(element));
            }
        });
        return c;
    }
}
