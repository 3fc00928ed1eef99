package fr.usinesouvertes.events.survey;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.registration.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A registrant's answer to the survey of the day after the visit. Every audience is asked the overall rating (1–5),
 * whether they would recommend the visit, what interested them ({@link #INTERESTS}, any) and a free comment; a school
 * group also whether the visit helps the pupils' orientation, a France Travail group whether candidates are interested
 * in a job there ({@code yes}, {@code maybe}, {@code no}).
 *
 * @param audience    the registration's audience, which decides the questions
 * @param rating      1 (poor) to 5 (excellent)
 * @param recommend   would recommend the visit
 * @param orientation school groups: useful for the pupils' orientation; {@code null} for the others
 * @param jobInterest France Travail groups: {@code yes}, {@code maybe} or {@code no}; {@code null} for the others
 * @param interests   what interested them, among {@link #INTERESTS}
 * @param comment     free text, at most {@value #MAX_COMMENT} characters, may be empty
 */
public record SurveyAnswer(Audience audience, int rating, boolean recommend, Boolean orientation, String jobInterest,
                           List<String> interests, String comment) {

    /** What a visit may have interested them in. */
    public static final List<String> INTERESTS = List.of("trades", "production", "innovation", "environment", "people");
    /** The answers to "interested in a job here?". */
    public static final List<String> JOB_INTEREST = List.of("yes", "maybe", "no");
    public static final int MAX_COMMENT = 2_000;

    public SurveyAnswer {
        interests = List.copyOf(interests);
        comment = comment == null ? "" : comment;
    }

    /** Whether {@code audience}'s survey asks about the pupils' orientation. */
    public static boolean asksOrientation(Audience audience) {
        return audience == Audience.SCHOOL;
    }

    /** Whether {@code audience}'s survey asks about interest in a job. */
    public static boolean asksJobInterest(Audience audience) {
        return audience == Audience.FRANCE_TRAVAIL;
    }

    /** An answer read from a form, or the fields refused. */
    public record Result(SurveyAnswer answer, List<FieldError> errors) {
    }

    /**
     * Reads a posted form ({@code rating}, {@code recommend} yes|no, {@code orientation} yes|no, {@code jobInterest},
     * {@code interests} repeated, {@code comment}); each refused field is named with its reason in {@code lang}.
     */
    public static Result read(Audience audience, Map<String, List<String>> form, Lang lang) {
        Messages m = Messages.of(Messages.EVENTS, lang);
        List<FieldError> errors = new ArrayList<>();
        int rating = 0;
        String ratingText = single(form, "rating");
        if (ratingText == null || !ratingText.matches("[1-5]")) {
            errors.add(new FieldError("rating", m.text("survey.error.rating")));
        } else {
            rating = Integer.parseInt(ratingText);
        }
        Boolean recommend = yesNo(single(form, "recommend"));
        if (recommend == null) {
            errors.add(new FieldError("recommend", m.text("survey.error.yesNo")));
        }
        Boolean orientation = null;
        if (asksOrientation(audience)) {
            orientation = yesNo(single(form, "orientation"));
            if (orientation == null) {
                errors.add(new FieldError("orientation", m.text("survey.error.yesNo")));
            }
        }
        String jobInterest = null;
        if (asksJobInterest(audience)) {
            jobInterest = single(form, "jobInterest");
            if (jobInterest == null || !JOB_INTEREST.contains(jobInterest)) {
                errors.add(new FieldError("jobInterest", m.text("survey.error.jobInterest")));
            }
        }
        List<String> interests = form.getOrDefault("interests", List.of()).stream().distinct().toList();
        if (!INTERESTS.containsAll(interests)) {
            errors.add(new FieldError("interests", m.text("survey.error.interests")));
        }
        String comment = single(form, "comment");
        comment = comment == null ? "" : comment.strip();
        if (comment.length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", m.format("survey.error.comment", MAX_COMMENT)));
        }
        return errors.isEmpty()
                ? new Result(new SurveyAnswer(audience, rating, recommend, orientation, jobInterest, interests, comment),
                        List.of())
                : new Result(null, errors);
    }

    /** The answer as the form shows it again (its values by field). */
    public Map<String, Object> formValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("rating", String.valueOf(rating));
        values.put("recommend", recommend ? "yes" : "no");
        if (orientation != null) {
            values.put("orientation", orientation ? "yes" : "no");
        }
        if (jobInterest != null) {
            values.put("jobInterest", jobInterest);
        }
        values.put("interests", interests);
        values.put("comment", comment);
        return values;
    }

    private static String single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Boolean yesNo(String value) {
        return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
    }
}
