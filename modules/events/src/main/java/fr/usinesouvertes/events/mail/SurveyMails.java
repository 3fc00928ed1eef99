package fr.usinesouvertes.events.mail;

import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.mail.OutgoingMail;
import java.time.ZoneId;
import java.util.List;

/** The registrant's e-mail of the day after the visit: thanks, and the link to the short survey, in their language. */
public final class SurveyMails {

    private SurveyMails() {
    }

    /**
     * @param zone      the site's time zone, in which the visit's day is written
     * @param surveyUrl the signed link to the survey
     */
    public static OutgoingMail invitation(String to, String contactName, Visit visit, String surveyUrl, Lang lang,
                                          ZoneId zone) {
        Messages m = Messages.of(Messages.EVENTS, lang);
        String day = FrenchDates.dayWithWeekday(visit.start().withZoneSameInstant(zone).toLocalDate(), lang);
        String subject = m.format("mail.subject.survey", visit.company());
        MailBody body = new MailBody()
                .paragraph(m.format("mail.greeting", contactName))
                .paragraph(m.format("mail.survey.thanks", visit.company(), visit.site(), day))
                .paragraph(m.text("mail.survey.ask"))
                .link(m.text("mail.survey.link"), surveyUrl)
                .paragraph(m.text("mail.survey.anonymous"))
                .paragraph(m.text("mail.survey.notCome"))
                .paragraph(m.text("mail.signature"));
        return new OutgoingMail(to, subject, body.text(), body.html(lang.code(), subject), List.of());
    }
}
