package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EventDay;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the company space's records into the maps its templates read (options, form values, errors). */
public final class CompanyViewModels {

    private CompanyViewModels() {
    }

    static List<Map<String, String>> options(List<String> values, Map<String, String> labels, String keyPrefix) {
        List<Map<String, String>> options = new ArrayList<>();
        for (String value : values) {
            options.add(Map.of("value", value, "label", labels.getOrDefault(keyPrefix + value, value)));
        }
        return options;
    }

    static List<Map<String, String>> days(Edition edition, Lang lang) {
        List<Map<String, String>> days = new ArrayList<>();
        for (EventDay day : edition.days()) {
            days.add(Map.of("value", day.name(), "label", FrenchDates.dayWithWeekday(day.date(), lang)));
        }
        return days;
    }

    static List<Map<String, String>> audiences(Lang lang) {
        List<Map<String, String>> audiences = new ArrayList<>();
        for (Audience audience : Audience.values()) {
            if (audience.isVisitor()) {
                audiences.add(Map.of("value", audience.id(), "label", AudienceLabels.of(audience, lang)));
            }
        }
        return audiences;
    }

    /** A stored sheet as the values of its form: fields, then {@code slot.N.*} per slot. */
    static Map<String, String> sheetValues(SheetSummary sheet) {
        Map<String, String> values = new LinkedHashMap<>(sheet.values());
        for (int n = 0; n < sheet.slots().size(); n++) {
            SheetSummary.SlotSummary slot = sheet.slots().get(n);
            String prefix = "slot." + n + ".";
            values.put(prefix + "day", slot.dayName());
            values.put(prefix + "start", slot.start());
            values.put(prefix + "end", slot.end());
            values.put(prefix + "capacity", Long.toString(slot.capacity()));
            values.put(prefix + "maxPersons", slot.maxPersons() == null ? "" : Long.toString(slot.maxPersons()));
            for (String audience : slot.audiences()) {
                values.put(prefix + "audience." + audience, "on");
            }
        }
        return values;
    }

    public static void putErrors(Map<String, Object> model, List<FieldError> errors) {
        List<Map<String, String>> list = new ArrayList<>();
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : errors) {
            list.add(Map.of("field", error.field(), "message", error.message()));
            byField.putIfAbsent(error.field(), error.message());
        }
        model.put("errors", list);
        model.put("fieldErrors", byField);
    }

    /** "vendredi 20 mars 2026, 09:30–11:30" */
    static String slotLabel(Edition edition, SheetSummary.SlotSummary slot, Lang lang) {
        String day = edition == null ? slot.dayName() : edition.days().stream().filter(d -> d.name().equals(slot.dayName()))
                .findFirst().map(d -> FrenchDates.dayWithWeekday(d.date(), lang)).orElse(slot.dayName());
        return day + ", " + slot.start() + "–" + slot.end();
    }
}
