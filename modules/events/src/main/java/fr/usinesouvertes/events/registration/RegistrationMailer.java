package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.mail.CompanyMessage;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.TicketImage;
import fr.usinesouvertes.events.mail.OtherDate;
import fr.usinesouvertes.events.mail.RegistrationMail;
import fr.usinesouvertes.events.mail.RegistrationMailComposer;
import fr.usinesouvertes.events.mail.VisitChange;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.mail.MailSender;
import java.util.List;

/** Composes a registration e-mail (or writes a cancellation alert) and hands it to the mail transport (SMTP or the outbox). */
public final class RegistrationMailer {

    private final RegistrationMailComposer composer;
    private final MailSender sender;

    public RegistrationMailer(RegistrationMailComposer composer, MailSender sender) {
        this.composer = composer;
        this.sender = sender;
    }

    /**
     * @throws fr.usinesouvertes.platform.mail.MailException when the transport refuses it (worth retrying)
     * @throws IllegalArgumentException                       when the message cannot be written (not worth retrying)
     */
    public void send(MailKind kind, Visit visit, RegistrationRecord registration, Integer position, String manageLink) {
        send(kind, visit, registration, position, manageLink, null, 0, null);
    }

    /**
     * @param ticket         the ticket shown in the e-mail (inline QR code), or {@code null}
     * @param reminderDays   for {@link MailKind#REMINDER}: days before the visit
     * @param companyMessage for {@link MailKind#COMPANY_MESSAGE}: what the company wrote
     */
    public void send(MailKind kind, Visit visit, RegistrationRecord registration, Integer position, String manageLink,
                     TicketImage ticket, int reminderDays, CompanyMessage companyMessage) {
        sender.send(composer.compose(new RegistrationMail(kind, visit, registration.id(), registration.contactName(),
                registration.email(), registration.persons(), position, manageLink, registration.lang(), "", List.of(), "",
                registration.transportFundingRequested(), registration.calendarSequence(), null, ticket, reminderDays,
                companyMessage)));
    }

    /** The e-mail telling a registrant the visit's times or meeting place changed, with the updated calendar. */
    public void sendVisitChanged(Visit visit, RegistrationRecord registration, Integer position, String manageLink,
                                 VisitChange change) {
        sendVisitChanged(visit, registration, position, manageLink, change, null);
    }

    /** @param ticket the ticket of a confirmed registration, or {@code null} */
    public void sendVisitChanged(Visit visit, RegistrationRecord registration, Integer position, String manageLink,
                                 VisitChange change, TicketImage ticket) {
        sender.send(composer.compose(new RegistrationMail(MailKind.VISIT_CHANGED, visit, registration.id(),
                registration.contactName(), registration.email(), registration.persons(), position, manageLink,
                registration.lang(), "", List.of(), "", registration.transportFundingRequested(),
                registration.calendarSequence(), change, ticket, 0, null)));
    }

    /** The survey of the day after the visit, in the registrant's language. */
    public void sendSurvey(Visit visit, RegistrationRecord registration, String surveyUrl) {
        sender.send(composer.survey(registration.email(), registration.contactName(), visit, surveyUrl,
                registration.lang()));
    }

    /** The company's e-mail of the day after its visits. */
    public void sendCompanyFollowUp(fr.usinesouvertes.events.mail.CompanyFollowUp followUp) {
        sender.send(followUp.message());
    }

    /** The organisers' alert, or the company's notice, about a cancelled visit. */
    public void sendCancellationAlert(fr.usinesouvertes.events.mail.CancellationAlert alert) {
        sender.send(alert.message());
    }

    /** A message written whole when it was queued (schools outreach). */
    public void sendPrepared(fr.usinesouvertes.events.mail.PreparedMail mail) {
        sender.send(mail.message());
    }

    /** The e-mail telling a registrant their visit is cancelled, with the reason and other dates nearby. */
    public void sendVisitCancelled(Visit visit, RegistrationRecord registration, Integer position, String manageLink,
                                   List<OtherDate> otherDates, String directoryLink) {
        sender.send(composer.compose(new RegistrationMail(MailKind.VISIT_CANCELLED, visit, registration.id(),
                registration.contactName(), registration.email(), registration.persons(), position, manageLink,
                registration.lang(), registration.cancellationReason(), otherDates, directoryLink, false,
                registration.calendarSequence(), null)));
    }
}
