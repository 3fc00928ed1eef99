package fr.usinesouvertes.events.organiser;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code --name value} options of an organiser command, checked against the names it accepts. */
record OrganiserOptions(Map<String, String> values) {

    static OrganiserOptions parse(List<String> arguments, Set<String> accepted) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String name = arguments.get(i);
            if (!accepted.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + name + "'");
            }
            if (i + 1 >= arguments.size()) {
                throw new IllegalArgumentException("'" + name + "' needs a value");
            }
            values.put(name, arguments.get(++i));
        }
        return new OrganiserOptions(values);
    }

    int edition() {
        String value = values.get("--edition");
        if (value == null || !value.matches("\\d{4}")) {
            throw new IllegalArgumentException("--edition needs a year, e.g. --edition 2026");
        }
        return Integer.parseInt(value);
    }

    Path to() {
        String value = values.get("--to");
        if (value == null) {
            throw new IllegalArgumentException("--to needs the CSV file to write, e.g. --to inscriptions.csv");
        }
        return Path.of(value);
    }

    String get(String name) {
        return values.get(name);
    }
}
