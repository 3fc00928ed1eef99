package fr.usinesouvertes.events.survey;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The survey's questions per audience and the refusals naming each field, in French and English. */
class SurveyAnswerTest {

    @Test
    void eachAudienceAnswersItsOwnQuestions() {
        SurveyAnswer jobSeekers = SurveyAnswer.read(Audience.FRANCE_TRAVAIL, Map.of("rating", List.of("4"),
                "recommend", List.of("yes"), "jobInterest", List.of("maybe"), "interests", List.of("trades", "trades"),
                "orientation", List.of("yes")), Lang.FR).answer();
        assertThat(jobSeekers.jobInterest()).isEqualTo("maybe");
        assertThat(jobSeekers.orientation()).as("not a school's question").isNull();
        assertThat(jobSeekers.interests()).containsExactly("trades");
        SurveyAnswer school = SurveyAnswer.read(Audience.SCHOOL, Map.of("rating", List.of("2"), "recommend",
                List.of("no"), "orientation", List.of("no")), Lang.FR).answer();
        assertThat(school.orientation()).isFalse();
        assertThat(school.jobInterest()).isNull();
        SurveyTally tally = new SurveyTally().add(jobSeekers).add(school);
        assertThat(tally.averageRating()).isEqualTo(3.0);
        assertThat(tally.recommendPercent()).isEqualTo(50);
        assertThat(tally.jobInterest()).containsEntry("maybe", 1).containsEntry("yes", 0);
        assertThat(tally.orientationAnswers()).isEqualTo(1);
    }

    @Test
    void badAnswersAreRefusedNamingEachField() {
        List<FieldError> errors = SurveyAnswer.read(Audience.FRANCE_TRAVAIL, Map.of("rating", List.of("6"),
                "interests", List.of("salary"), "comment", List.of("x".repeat(2_001))), Lang.EN).errors();
        assertThat(errors).extracting(FieldError::field)
                .containsExactly("rating", "recommend", "jobInterest", "interests", "comment");
        assertThat(errors.get(0).message()).isEqualTo("Choose a rating from 1 to 5.");
        assertThat(SurveyAnswer.read(Audience.SCHOOL, Map.of("rating", List.of("3"), "recommend", List.of("yes")),
                Lang.FR).errors()).extracting(FieldError::field).containsExactly("orientation");
    }
}
