package org.photoparity.ui.views;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.core.runtime.IExecutableExtensionFactory;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;

/**
 * Lets a fix bundle contribute the view of its strategy with one line of plugin.xml and no code:
 *
 * <pre>
 * &lt;view id="org.photoparity.fix.storage.view" name="Fix 3: Free up storage"
 *       category="org.photoparity.ui.category.fixes"
 *       class="org.photoparity.ui.views.StrategyViewFactory:org.photoparity.fix.storage.strategy"/&gt;
 * </pre>
 *
 * The text after the colon is the strategy id; the view shows that strategy from the registry.
 */
public final class StrategyViewFactory implements IExecutableExtensionFactory, IExecutableExtension {

    public static final String CLASS = StrategyViewFactory.class.getName();
    private static final String VIEWS_POINT = "org.eclipse.ui.views";

    private IConfigurationElement config;
    private String propertyName;
    private String strategyId;

    @Override
    public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
        this.config = config;
        this.propertyName = propertyName;
        this.strategyId = data instanceof String s ? s.trim() : null;
    }

    @Override
    public Object create() throws CoreException {
        if (strategyId == null || strategyId.isEmpty()) {
            String bundle = config == null ? "?" : config.getContributor().getName();
            String id = config == null ? "?" : config.getAttribute("id");
            throw new CoreException(Status.error("View " + id + " in bundle " + bundle + " names no strategy: "
                    + "write class=\"" + CLASS + ":<strategy id>\" in its plugin.xml."));
        }
        StrategyViewPart view = new StrategyViewPart(strategyId);
        // the part takes its name and icon from the view element, as if it had been created directly
        if (config != null) view.setInitializationData(config, propertyName, null);
        return view;
    }

    /** The strategy a view element of org.eclipse.ui.views shows, or null when it is not a strategy view. */
    public static String strategyOf(IConfigurationElement view) {
        String cls = view.getAttribute("class");
        if (cls == null || !cls.startsWith(CLASS + ":")) return null;
        return cls.substring(CLASS.length() + 1).trim();
    }

    /** The id of the view contributed for {@code strategyId}, or null when no bundle contributes one. */
    public static String viewIdFor(String strategyId) {
        if (Platform.getExtensionRegistry() == null) return null;
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor(VIEWS_POINT)) {
            if ("view".equals(e.getName()) && strategyId.equals(strategyOf(e))) return e.getAttribute("id");
        }
        return null;
    }
}
