package fr.usinesouvertes.platform.module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What started modules (and the platform itself) contribute to the HTTP layer and the templates. */
public final class Contributions {

    private final List<Object> restComponents = new ArrayList<>();
    private final Map<String, Object> templatingFunctions = new LinkedHashMap<>();

    public synchronized void addRestComponent(Object component) {
        restComponents.add(component);
    }

    public synchronized void addTemplatingFunctions(String name, Object functions) {
        if (templatingFunctions.putIfAbsent(name, functions) != null) {
            throw new IllegalStateException("Templating functions '" + name + "' are registered twice");
        }
    }

    public synchronized List<Object> restComponents() {
        return List.copyOf(restComponents);
    }

    public synchronized Map<String, Object> templatingFunctions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(templatingFunctions));
    }
}
