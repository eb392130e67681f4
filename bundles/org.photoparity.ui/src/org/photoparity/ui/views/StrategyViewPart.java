package org.photoparity.ui.views;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.photoparity.ui.session.CaseSession;

/**
 * The workbench's shell around a {@link StrategyView}: fix bundles contribute their view with one line of
 * plugin.xml naming {@link StrategyViewFactory} and a strategy id, which the e4view element cannot carry. Everything
 * the view does is in the plain part; {@code getAdapter(StrategyView.class)} returns it.
 */
final class StrategyViewPart extends ViewPart {

    private final String strategyId;
    private StrategyView view;

    StrategyViewPart(String strategyId) {
        this.strategyId = strategyId;
    }

    @Override
    public void createPartControl(Composite parent) {
        CaseSession session = getSite().getService(CaseSession.class);
        view = new StrategyView(strategyId, session != null ? session : CaseSession.current());
        view.setPartName(getPartName());
        view.create(parent);
        if (getPartName().isEmpty()) setPartName(view.getPartName());
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == StrategyView.class) return adapter.cast(view);
        return super.getAdapter(adapter);
    }

    @Override
    public void setFocus() {
        view.setFocus();
    }

    @Override
    public void dispose() {
        if (view != null) view.dispose();
        super.dispose();
    }
}
