package fr.usinesouvertes.events.mail;
import fr.usinesouvertes.platform.mail.OutgoingMail;
import fr.usinesouvertes.platform.mail.Attachment;

import fr.usinesouvertes.events.calendar.VisitCalendar;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.visit.Visit;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Writes the e-mails a registrant receives (confirmation, waiting list, promotion, change, cancellation, reminder, a
 * company's message), in French or English, with the visit's details in the site's time zone, the signed link to view
 * or cancel, once a seat is held the visit's {@code .ics} (on cancellation, the same event marked cancelled), and, when
 * given, the ticket: its address and its QR code as an inline image ({@code cid:ticket-qr}) of the HTML part.
 */
public final class RegistrationMailComposer {

    private final VisitCalendar calendar;
    private final ZoneId zone;

    /** @param zone the site's time zone (the {@code time-zone} setting), the calendar's too */
    public RegistrationMailComposer(VisitCalendar calendar, ZoneId zone) {
        this.calendar = calendar;
        this.zone = zone;
    }

    public OutgoingMail compose(RegistrationMail mail) {
        Lang lang = mail.lang();
        Messages m = Messages.of(Messages.EVENTS, lang);
        Visit visit = mail.visit();
        String day = day(visit.start(), lang);
        String subject = mail.kind() == MailKind.REMINDER ? reminderSubject(mail, m) + " – " + day
                : mail.kind() == MailKind.COMPANY_MESSAGE
                ? m.format("mail.subject.companyMessage", visit.company(), mail.companyMessage().subject())
                : subject(mail.kind(), visit, m) + " – " + day;
        MailBody body = new MailBody()
                .paragraph(m.format("mail.greeting", mail.contactName()))
                .paragraph(opening(mail, m));
        if (mail.kind() == MailKind.VISIT_CHANGED) {
            visitChanged(mail, m, body); // what changes first, then the visit as it now is
        }
        if (mail.kind() == MailKind.COMPANY_MESSAGE) { // the company's words first, then the visit they are about
            body.lines(m.format("mail.companyMessage.subject", mail.companyMessage().subject()));
            body.quote(mail.companyMessage().text());
            body.paragraph(m.text("mail.companyMessage.yourVisit"));
        }
        body.lines(visit.company() + " – " + visit.site(),
                        m.format("mail.visit.when", day, time(visit.start(), lang), time(visit.end(), lang)),
                        m.format("mail.visit.address", visit.address()),
                        m.format("mail.visit.persons", mail.persons()));
        boolean ended = mail.kind() == MailKind.CANCELLATION || mail.kind() == MailKind.VISIT_CANCELLED;
        if (!ended && !visit.practicalInformation().isBlank()) {
            List<String> lines = new java.util.ArrayList<>();
            lines.add(m.text("mail.practicalInformation"));
            lines.addAll(visit.practicalInformation().lines().toList()); // one per line, in the HTML part too
            body.lines(lines.toArray(String[]::new));
        }
        boolean notice = mail.kind() == MailKind.REMINDER || mail.kind() == MailKind.COMPANY_MESSAGE;
        if (!ended && !notice && mail.transportFundingRequested()) {
            body.paragraph(m.text("mail.transportFunding"));
        }
        if (mail.kind() == MailKind.VISIT_CANCELLED) {
            visitCancelled(mail, m, body);
        }
        if (!ended && mail.ticket() != null) {
            body.ticket(m.text("mail.ticket"), mail.ticket().url(), TicketImage.CONTENT_ID,
                    m.text("mail.ticket.qrAlt"));
        }
        if (!ended) {
            body.link(m.text("mail.manage"), mail.manageLink());
        }
        if (mail.kind() == MailKind.REMINDER) {
            body.paragraph(m.text("mail.reminder.cannotCome"));
        }
        if (mail.kind() == MailKind.COMPANY_MESSAGE) {
            body.paragraph(m.text("mail.companyMessage.relayed"));
        }
        boolean holdsSeats = mail.kind() == MailKind.CONFIRMATION || mail.kind() == MailKind.PROMOTION
                || ((mail.kind() == MailKind.CHANGED || mail.kind() == MailKind.VISIT_CHANGED) && mail.waitingPosition() == null);
        if (holdsSeats && mail.kind() != MailKind.VISIT_CHANGED) { // a changed visit's e-mail says it itself
            body.paragraph(m.text(mail.kind() == MailKind.CHANGED ? "mail.calendar.updated" : "mail.calendar.added"));
        }
        body.paragraph(m.text("mail.signature"));
        List<Attachment> attachments = new java.util.ArrayList<>();
        if (!ended && mail.ticket() != null) {
            attachments.add(Attachment.inline("billet-qr.png", "image/png", mail.ticket().png(), TicketImage.CONTENT_ID));
        }
        if (holdsSeats) {
            attachments.add(new Attachment("visite.ics", VisitCalendar.MEDIA_TYPE, calendar.forRegistration(visit,
                    mail.registrationId(), mail.persons(), mail.manageLink(), lang, mail.calendarSequence())));
        } else if (mail.kind() == MailKind.CANCELLATION
                || (mail.kind() == MailKind.VISIT_CANCELLED && mail.waitingPosition() == null)) {
            // the event of the confirmation's .ics (same UID), marked cancelled; a waiting registration had none
            attachments.add(new Attachment("visite-annulee.ics", VisitCalendar.MEDIA_TYPE,
                    calendar.forCancelledRegistration(visit, mail.registrationId(), lang, mail.calendarSequence())));
        }
        return new OutgoingMail(mail.contactEmail(), subject, body.text(), body.html(lang.code(), subject), attachments);
    }

    /** The survey's invitation of the day after the visit ({@link SurveyMails}), the day in the site's time zone. */
    public OutgoingMail survey(String to, String contactName, Visit visit, String surveyUrl, Lang lang) {
        return SurveyMails.invitation(to, contactName, visit, surveyUrl, lang, zone);
    }

    /** What changed, before and after, and what the registrant may do. */
    private void visitChanged(RegistrationMail mail, Messages m, MailBody body) {
        Lang lang = mail.lang();
        VisitChange change = mail.change();
        List<String> lines = new java.util.ArrayList<>();
        lines.add(m.text("mail.change.title"));
        if (change.retimed()) {
            Visit visit = mail.visit();
            lines.add(m.format("mail.change.time", when(visit.start(), visit.end(), lang),
                    when(change.previousStart(), change.previousEnd(), lang)));
        }
        for (VisitChange.FieldChange field : change.fields()) {
            String label = switch (field.field()) {
                case "meetingPoint" -> m.text("mail.change.meetingPoint");
                case "access" -> m.text("mail.change.access");
                case "parking" -> m.text("mail.change.parking");
                default -> field.field();
            };
            String none = m.text("mail.change.notGiven");
            lines.add(m.format("mail.change.field", label, field.after().isBlank() ? none : field.after(),
                    field.before().isBlank() ? none : field.before()));
        }
        body.lines(lines.toArray(String[]::new));
        body.paragraph(mail.waitingPosition() == null ? m.text("mail.change.stillValid")
                : m.format("mail.change.stillWaiting", mail.waitingPosition()));
    }

    /** "samedi 21 mars 2026, 10 h – 12 h" */
    private String when(ZonedDateTime start, ZonedDateTime end, Lang lang) {
        return day(start, lang) + ", " + time(start, lang)
                + " – " + time(end, lang);
    }

    /** The reason, what it means for the registrant, and other dates nearby. */
    private void visitCancelled(RegistrationMail mail, Messages m, MailBody body) {
        Lang lang = mail.lang();
        body.lines(m.text("mail.cancelled.reason"), mail.cancellationReason());
        body.paragraph(m.text(mail.waitingPosition() == null ? "mail.cancelled.nothingToDo"
                : "mail.cancelled.nothingToDo.waiting"));
        if (!mail.otherDates().isEmpty()) {
            body.paragraph(m.text("mail.cancelled.otherDates"));
            for (OtherDate other : mail.otherDates()) {
                String label = m.format(other.full() ? "mail.cancelled.otherDate.full" : "mail.cancelled.otherDate",
                        other.company(), other.site(), other.commune(), Math.round(other.kilometres()),
                        day(other.start(), lang), time(other.start(), lang), time(other.end(), lang));
                body.link(label, other.registrationLink());
            }
        }
        body.link(m.text("mail.cancelled.view"), mail.manageLink());
        if (!mail.directoryLink().isEmpty()) {
            body.link(m.text("mail.cancelled.directory"), mail.directoryLink());
        }
    }

    /** "Rappel : votre visite de Colas demain" */
    private static String reminderSubject(RegistrationMail mail, Messages m) {
        int days = mail.reminderDays();
        String company = mail.visit().company();
        return days == 1 ? m.format("mail.subject.reminder.tomorrow", company)
                : days > 1 ? m.format("mail.subject.reminder.inDays", company, days)
                : m.format("mail.subject.reminder.today", company);
    }

    private static String subject(MailKind kind, Visit visit, Messages m) {
        String key = switch (kind) {
            case CONFIRMATION -> "mail.subject.confirmation";
            case WAITING_LIST -> "mail.subject.waitingList";
            case PROMOTION -> "mail.subject.promotion";
            case CHANGED -> "mail.subject.changed";
            case CANCELLATION -> "mail.subject.cancellation";
            case VISIT_CANCELLED -> "mail.subject.visitCancelled";
            case VISIT_CHANGED -> "mail.subject.visitChanged";
            case REMINDER -> "mail.subject.reminder";
            case COMPANY_MESSAGE -> "mail.subject.message";
            case SURVEY, CANCELLATION_ALERT, COMPANY_FOLLOW_UP, PREPARED -> throw notARegistrants(kind);
        };
        return m.format(key, visit.company(), visit.site());
    }

    private static String opening(RegistrationMail mail, Messages m) {
        return switch (mail.kind()) {
            case CONFIRMATION -> m.text("mail.opening.confirmation");
            case WAITING_LIST -> m.format("mail.opening.waitingList", mail.waitingPosition());
            case PROMOTION -> m.text("mail.opening.promotion");
            case CHANGED -> mail.waitingPosition() == null ? m.text("mail.opening.changed")
                    : m.format("mail.opening.changedWaiting", mail.waitingPosition());
            case CANCELLATION -> m.text("mail.opening.cancellation");
            case VISIT_CANCELLED -> m.text("mail.opening.visitCancelled");
            case VISIT_CHANGED -> m.text("mail.opening.visitChanged");
            case REMINDER -> mail.reminderDays() == 1 ? m.text("mail.opening.reminder.tomorrow")
                    : mail.reminderDays() < 1 ? m.text("mail.opening.reminder.today")
                    : m.format("mail.opening.reminder.inDays", mail.reminderDays());
            case COMPANY_MESSAGE -> m.format("mail.opening.companyMessage", mail.visit().company());
            case SURVEY, CANCELLATION_ALERT, COMPANY_FOLLOW_UP, PREPARED -> throw notARegistrants(mail.kind());
        };
    }

    /** "samedi 21 mars 2026": the day in the site's time zone. */
    private String day(ZonedDateTime instant, Lang lang) {
        return FrenchDates.dayWithWeekday(instant.withZoneSameInstant(zone).toLocalDate(), lang);
    }

    private String time(ZonedDateTime instant, Lang lang) {
        return FrenchDates.time(instant.withZoneSameInstant(zone).toLocalTime(), lang);
    }

    private static IllegalArgumentException notARegistrants(MailKind kind) {
        return new IllegalArgumentException(kind + " is not written here (see SurveyMails, CancellationAlert, CompanyFollowUp)");
    }
}
