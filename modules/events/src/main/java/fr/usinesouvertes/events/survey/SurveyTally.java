package fr.usinesouvertes.events.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Survey answers counted together (a site, an audience, a region, an edition): how many, the ratings, "would
 * recommend", the school groups' orientation, the job seekers' interest in a job, and what interested them. Counts
 * only, no comment: what the organisers' aggregates and the purge keep.
 */
public final class SurveyTally {

    private int answers;
    private long ratingSum;
    private final int[] ratings = new int[5];
    private int recommend;
    private int orientationAnswers;
    private int orientationYes;
    private final Map<String, Integer> jobInterest = new LinkedHashMap<>();
    private final Map<String, Integer> interests = new LinkedHashMap<>();

    public SurveyTally() {
        SurveyAnswer.JOB_INTEREST.forEach(value -> jobInterest.put(value, 0));
        SurveyAnswer.INTERESTS.forEach(value -> interests.put(value, 0));
    }

    /** Counts {@code answer}; returns this tally. */
    public SurveyTally add(SurveyAnswer answer) {
        answers++;
        if (answer.rating() >= 1 && answer.rating() <= 5) {
            ratingSum += answer.rating();
            ratings[answer.rating() - 1]++;
        }
        recommend += answer.recommend() ? 1 : 0;
        if (answer.orientation() != null) {
            orientationAnswers++;
            orientationYes += answer.orientation() ? 1 : 0;
        }
        if (answer.jobInterest() != null) {
            jobInterest.computeIfPresent(answer.jobInterest(), (key, count) -> count + 1);
        }
        answer.interests().forEach(interest -> interests.computeIfPresent(interest, (key, count) -> count + 1));
        return this;
    }

    public int answers() {
        return answers;
    }

    /** The average rating, one decimal ("4,3" is written by the page), 0 without answers. */
    public double averageRating() {
        return answers == 0 ? 0 : Math.round(ratingSum * 10.0 / answers) / 10.0;
    }

    /** Answers per rating, 1 to 5. */
    public List<Integer> ratings() {
        return java.util.Arrays.stream(ratings).boxed().toList();
    }

    public int recommend() {
        return recommend;
    }

    /** Percentage of answers that would recommend the visit, rounded; 0 without answers. */
    public int recommendPercent() {
        return answers == 0 ? 0 : Math.round(recommend * 100f / answers);
    }

    public int orientationAnswers() {
        return orientationAnswers;
    }

    public int orientationYes() {
        return orientationYes;
    }

    /** Answers per {@link SurveyAnswer#JOB_INTEREST} value. */
    public Map<String, Integer> jobInterest() {
        return Map.copyOf(jobInterest);
    }

    /** Answers per {@link SurveyAnswer#INTERESTS} value. */
    public Map<String, Integer> interests() {
        return Map.copyOf(interests);
    }
}
