package fr.usinesouvertes.platform.definition;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live definitions: the current {@link DefinitionRegistry}, replaced whole on each reload, and the
 * listeners told when that happens (template caches, content-type workspaces, ...).
 */
@PluginApi
public final class Definitions {

    private volatile DefinitionRegistry current = DefinitionRegistry.empty();
    private final List<Consumer<DefinitionRegistry>> listeners = new CopyOnWriteArrayList<>();

    public DefinitionRegistry current() {
        return current;
    }

    public void replace(DefinitionRegistry registry) {
        this.current = registry;
        for (Consumer<DefinitionRegistry> listener : listeners) {
            listener.accept(registry);
        }
    }

    public void onChange(Consumer<DefinitionRegistry> listener) {
        listeners.add(listener);
    }
}
