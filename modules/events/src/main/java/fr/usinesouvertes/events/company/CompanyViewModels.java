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

    /** A choice of a form's list: {@code value} goes back in the form, {@code label} is shown. */
    public record Choice(String value, String label) {
    }

    static List<Choice> options(List<String> values, Map<String, String> labels, String keyPrefix) {
        List<Choice> options = new ArrayList<>();
        for (String value : values) {
            options.add(new Choice(value, labels.getOrDefault(keyPrefix + value, value)));
        }
        return options;
    }

    static List<Choice> days(Edition edition, Lang lang) {
        List<Choice> days = new ArrayList<>();
        for (EventDay day : edition.days()) {
            days.add(new Choice(day.name(), FrenchDates.dayWithWeekday(day.date(), lang)));
        }
        return days;
    }

    static List<Choice> audiences(Lang lang) {
        List<Choice> audiences = new ArrayList<>();
        for (Audience audience : Audience.values()) {
            if (audience.isVisitor()) {
                audiences.add(new Choice(audience.id(), AudienceLabels.of(audience, lang)));
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
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : errors) {
            byField.putIfAbsent(error.field(), error.message());
        }
        model.put("errors", List.copyOf(errors));
        model.put("fieldErrors", byField);
    }

    /** "vendredi 20 mars 2026, 09:30–11:30" */
    static String slotLabel(Edition edition, SheetSummary.SlotSummary slot, Lang lang) {
        String day = edition == null ? slot.dayName() : edition.days().stream().filter(d -> d.name().equals(slot.dayName()))
                .findFirst().map(d -> FrenchDates.dayWithWeekday(d.date(), lang)).orElse(slot.dayName());
        return day + ", " + slot.start() + "–" + slot.end();
    }
}
