package fr.usinesouvertes.events.mail;
import fr.usinesouvertes.platform.mail.OutgoingMail;
import fr.usinesouvertes.platform.mail.Attachment;

import fr.usinesouvertes.events.calendar.VisitCalendar;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.LocalizedText;
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

    private static final LocalizedText SIGNATURE = new LocalizedText("L'équipe des Journées Usines Ouvertes",
            "The Journées Usines Ouvertes team");

    private final VisitCalendar calendar;
    private final ZoneId zone;

    /** @param zone the site's time zone (the {@code time-zone} setting), the calendar's too */
    public RegistrationMailComposer(VisitCalendar calendar, ZoneId zone) {
        this.calendar = calendar;
        this.zone = zone;
    }

    public OutgoingMail compose(RegistrationMail mail) {
        Lang lang = mail.lang();
        Visit visit = mail.visit();
        String day = day(visit.start(), lang);
        String subject = mail.kind() == MailKind.REMINDER ? reminderSubject(mail, day)
                : mail.kind() == MailKind.COMPANY_MESSAGE
                ? t("Message de " + visit.company() + " : ", "Message from " + visit.company() + ": ").in(lang)
                        + mail.companyMessage().subject()
                : subject(mail.kind(), visit).in(lang) + " – " + day;
        MailBody body = new MailBody()
                .paragraph(t("Bonjour " + mail.contactName() + ",", "Hello " + mail.contactName() + ",").in(lang))
                .paragraph(opening(mail).in(lang));
        if (mail.kind() == MailKind.VISIT_CHANGED) {
            visitChanged(mail, body); // what changes first, then the visit as it now is
        }
        if (mail.kind() == MailKind.COMPANY_MESSAGE) { // the company's words first, then the visit they are about
            body.lines(t("Objet : ", "Subject: ").in(lang) + mail.companyMessage().subject());
            body.quote(mail.companyMessage().text());
            body.paragraph(t("Votre visite :", "Your visit:").in(lang));
        }
        body.lines(visit.company() + " – " + visit.site(),
                        t("Le ", "On ").in(lang) + day + t(", de ", ", from ").in(lang) + time(visit.start(), lang)
                                + t(" à ", " to ").in(lang) + time(visit.end(), lang),
                        t("Adresse : ", "Address: ").in(lang) + visit.address(),
                        t("Nombre de personnes : ", "Number of persons: ").in(lang) + mail.persons());
        boolean ended = mail.kind() == MailKind.CANCELLATION || mail.kind() == MailKind.VISIT_CANCELLED;
        if (!ended && !visit.practicalInformation().isBlank()) {
            List<String> lines = new java.util.ArrayList<>();
            lines.add(t("Informations pratiques :", "Practical information:").in(lang));
            lines.addAll(visit.practicalInformation().lines().toList()); // one per line, in the HTML part too
            body.lines(lines.toArray(String[]::new));
        }
        boolean notice = mail.kind() == MailKind.REMINDER || mail.kind() == MailKind.COMPANY_MESSAGE;
        if (!ended && !notice && mail.transportFundingRequested()) {
            body.paragraph(t("Vous avez demandé une aide au financement du transport : votre demande est transmise aux "
                            + "organisateurs, qui vous recontacteront.",
                    "You asked for help with transport funding: your request goes to the organisers, who will get back "
                            + "to you.").in(lang));
        }
        if (mail.kind() == MailKind.VISIT_CANCELLED) {
            visitCancelled(mail, body);
        }
        if (!ended && mail.ticket() != null) {
            body.ticket(t("Votre billet (à présenter à l'accueil, imprimé ou sur votre téléphone)",
                            "Your ticket (show it at the entrance, printed or on your phone)").in(lang),
                    mail.ticket().url(), TicketImage.CONTENT_ID,
                    t("QR code du billet : il mène à la page du billet", "Ticket QR code: it leads to the ticket's page").in(lang));
        }
        if (!ended) {
            body.link(t("Consulter, modifier ou annuler votre inscription", "View, change or cancel your registration").in(lang),
                    mail.manageLink());
        }
        if (mail.kind() == MailKind.REMINDER) {
            body.paragraph(t("Si vous ne pouvez plus venir, ou venez moins nombreux, merci de modifier ou d'annuler votre "
                            + "inscription avec le lien ci-dessus : vos places iront aux personnes qui attendent.",
                    "If you can no longer come, or fewer of you will, please change or cancel your registration with the "
                            + "link above: your places will go to those waiting.").in(lang));
        }
        if (mail.kind() == MailKind.COMPANY_MESSAGE) {
            body.paragraph(t("Ce message de l'entreprise vous est transmis par la plateforme des Journées Usines Ouvertes, "
                            + "à chaque inscrit séparément. Une réponse à cet e-mail parvient à l'équipe des Journées Usines "
                            + "Ouvertes.",
                    "This message from the company is relayed to you by the Journées Usines Ouvertes platform, to each "
                            + "registrant separately. A reply to this e-mail reaches the Journées Usines Ouvertes team.").in(lang));
        }
        boolean holdsSeats = mail.kind() == MailKind.CONFIRMATION || mail.kind() == MailKind.PROMOTION
                || ((mail.kind() == MailKind.CHANGED || mail.kind() == MailKind.VISIT_CHANGED) && mail.waitingPosition() == null);
        if (holdsSeats && mail.kind() != MailKind.VISIT_CHANGED) { // a changed visit's e-mail says it itself
            body.paragraph(mail.kind() == MailKind.CHANGED
                    ? t("Le fichier joint (.ics) met à jour la visite dans votre agenda. Si vous ne pouvez plus venir, "
                            + "merci d'annuler pour libérer vos places.",
                    "The attached file (.ics) updates the visit in your calendar. If you can no longer come, please cancel "
                            + "to free your places.").in(lang)
                    : t("Le fichier joint (.ics) ajoute la visite à votre agenda. Si vous ne pouvez plus venir, "
                            + "merci d'annuler pour libérer vos places.",
                    "The attached file (.ics) adds the visit to your calendar. If you can no longer come, please cancel "
                            + "to free your places.").in(lang));
        }
        body.paragraph(SIGNATURE.in(lang));
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

    /** What changed, before and after, and what the registrant may do. */
    private void visitChanged(RegistrationMail mail, MailBody body) {
        Lang lang = mail.lang();
        VisitChange change = mail.change();
        List<String> lines = new java.util.ArrayList<>();
        lines.add(t("Ce qui change :", "What changes:").in(lang));
        if (change.retimed()) {
            Visit visit = mail.visit();
            lines.add(t("Horaire : ", "Time: ").in(lang) + when(visit.start(), visit.end(), lang)
                    + t(" (au lieu de ", " (instead of ").in(lang) + when(change.previousStart(), change.previousEnd(), lang) + ")");
        }
        for (VisitChange.FieldChange field : change.fields()) {
            String label = switch (field.field()) {
                case "meetingPoint" -> t("Point de rendez-vous", "Meeting point").in(lang);
                case "access" -> t("Accès", "Access").in(lang);
                case "parking" -> t("Stationnement", "Parking").in(lang);
                default -> field.field();
            };
            String none = t("(non précisé)", "(not given)").in(lang);
            lines.add(label + t(" : ", ": ").in(lang) + (field.after().isBlank() ? none : field.after())
                    + t(" (auparavant : ", " (before: ").in(lang) + (field.before().isBlank() ? none : field.before()) + ")");
        }
        body.lines(lines.toArray(String[]::new));
        body.paragraph((mail.waitingPosition() == null
                ? t("Votre inscription reste valable avec ces nouvelles informations. Le fichier joint (.ics) met à jour "
                        + "la visite dans votre agenda. Si vous ne pouvez plus venir, merci d'annuler pour libérer vos places.",
                "Your registration stays valid with this new information. The attached file (.ics) updates the visit in "
                        + "your calendar. If you can no longer come, please cancel to free your places.")
                : t("Vous restez en position " + mail.waitingPosition() + " sur la liste d'attente. Si ce changement ne "
                        + "vous convient plus, vous pouvez annuler votre inscription.",
                "You are still number " + mail.waitingPosition() + " on the waiting list. If this change no longer "
                        + "suits you, you can cancel your registration.")).in(lang));
    }

    /** "samedi 21 mars 2026, 10 h – 12 h" */
    private String when(ZonedDateTime start, ZonedDateTime end, Lang lang) {
        return day(start, lang) + ", " + time(start, lang)
                + " – " + time(end, lang);
    }

    /** The reason, what it means for the registrant, and other dates nearby. */
    private void visitCancelled(RegistrationMail mail, MailBody body) {
        Lang lang = mail.lang();
        body.lines(t("Motif de l'annulation :", "Reason for the cancellation:").in(lang), mail.cancellationReason());
        body.paragraph(t("Vous n'avez rien à faire : votre inscription est annulée"
                        + (mail.waitingPosition() == null ? " et vos places libérées." : " (vous étiez sur la liste d'attente).")
                        + " Pour toute question, répondez simplement à cet e-mail : il parviendra à l'équipe des Journées "
                        + "Usines Ouvertes.",
                "There is nothing you need to do: your registration is cancelled"
                        + (mail.waitingPosition() == null ? "." : " (you were on the waiting list).")
                        + " If you have any question, simply reply to this e-mail: it reaches the Journées Usines "
                        + "Ouvertes team.").in(lang));
        if (!mail.otherDates().isEmpty()) {
            body.paragraph(t("D'autres visites ont encore lieu près de ce site :", "Other visits still take place near this site:")
                    .in(lang));
            for (OtherDate other : mail.otherDates()) {
                String day = day(other.start(), lang);
                String label = other.company() + " – " + other.site() + ", " + other.commune() + " ("
                        + Math.round(other.kilometres()) + " km)" + t(" : ", ": ").in(lang) + day + ", " + time(other.start(), lang) + " – "
                        + time(other.end(), lang)
                        + (other.full() ? t(" (complet, liste d'attente)", " (full, waiting list)").in(lang) : "");
                body.link(label, other.registrationLink());
            }
        }
        body.link(t("Voir votre inscription annulée", "View your cancelled registration").in(lang), mail.manageLink());
        if (!mail.directoryLink().isEmpty()) {
            body.link(t("Toutes les usines ouvertes près de chez vous", "All the open factories near you").in(lang),
                    mail.directoryLink());
        }
    }

    /** "Rappel : votre visite de Colas demain – samedi 21 mars 2026" */
    private static String reminderSubject(RegistrationMail mail, String day) {
        int days = mail.reminderDays();
        String company = mail.visit().company();
        LocalizedText when = days == 1 ? t("demain", "tomorrow")
                : days > 1 ? t("dans " + days + " jours", "in " + days + " days") : t("aujourd'hui", "today");
        return t("Rappel : votre visite de " + company + " " + when.fr(),
                "Reminder: your visit to " + company + " " + when.en()).in(mail.lang()) + " – " + day;
    }

    private static LocalizedText subject(MailKind kind, Visit visit) {
        return switch (kind) {
            case CONFIRMATION -> t("Inscription confirmée : visite de " + visit.company(),
                    "Registration confirmed: visit to " + visit.company());
            case WAITING_LIST -> t("Liste d'attente : visite de " + visit.company(), "Waiting list: visit to " + visit.company());
            case PROMOTION -> t("Une place s'est libérée : visite de " + visit.company() + " confirmée",
                    "A place came free: visit to " + visit.company() + " confirmed");
            case CHANGED -> t("Votre inscription est modifiée : visite de " + visit.company(),
                    "Your registration has changed: visit to " + visit.company());
            case CANCELLATION -> t("Inscription annulée : visite de " + visit.company(),
                    "Registration cancelled: visit to " + visit.company());
            case VISIT_CANCELLED -> t("Visite annulée : " + visit.company() + " – " + visit.site(),
                    "Visit cancelled: " + visit.company() + " – " + visit.site());
            case VISIT_CHANGED -> t("Visite modifiée : " + visit.company() + " – " + visit.site(),
                    "Visit changed: " + visit.company() + " – " + visit.site());
            case REMINDER -> t("Rappel : visite de " + visit.company(), "Reminder: visit to " + visit.company());
            case COMPANY_MESSAGE -> t("Message de " + visit.company(), "Message from " + visit.company());
            case CANCELLATION_ALERT -> throw notARegistrants(kind);
        };
    }

    private static LocalizedText opening(RegistrationMail mail) {
        return switch (mail.kind()) {
            case CONFIRMATION -> t("Votre inscription à cette visite est confirmée :", "Your registration for this visit is confirmed:");
            case WAITING_LIST -> t("Ce créneau est complet : vous êtes en position " + mail.waitingPosition()
                            + " sur la liste d'attente. Nous vous écrirons dès que des places se libèrent.",
                    "This slot is full: you are number " + mail.waitingPosition()
                            + " on the waiting list. We will write to you as soon as places come free.");
            case PROMOTION -> t("Bonne nouvelle : des places se sont libérées et votre inscription est maintenant confirmée :",
                    "Good news: places came free and your registration is now confirmed:");
            case CHANGED -> mail.waitingPosition() == null
                    ? t("Votre inscription est modifiée. La voici à jour, confirmée :",
                        "Your registration has changed. Here it is as it stands now, confirmed:")
                    : t("Votre inscription est modifiée. Ce créneau est complet : vous êtes en position "
                            + mail.waitingPosition() + " sur la liste d'attente. Nous vous écrirons dès que des places "
                            + "se libèrent. La voici à jour :",
                        "Your registration has changed. This slot is full: you are number " + mail.waitingPosition()
                            + " on the waiting list. We will write to you as soon as places come free. Here it is as "
                            + "it stands now:");
            case CANCELLATION -> t("Votre inscription à cette visite a bien été annulée :",
                    "Your registration for this visit has been cancelled:");
            case VISIT_CANCELLED -> t("Nous sommes désolés : la visite à laquelle vous étiez inscrit(e) est annulée.",
                    "We are sorry: the visit you registered for is cancelled.");
            case VISIT_CHANGED -> t("L'entreprise a modifié la visite à laquelle vous êtes inscrit(e).",
                    "The company changed the visit you registered for.");
            case REMINDER -> mail.reminderDays() == 1
                    ? t("Votre visite, c'est demain ! Voici ce qu'il faut savoir, avec votre billet à présenter à l'accueil :",
                        "Your visit is tomorrow! Here is what you need to know, with your ticket to show at the entrance:")
                    : mail.reminderDays() < 1
                    ? t("Votre visite, c'est aujourd'hui ! Voici ce qu'il faut savoir, avec votre billet à présenter à "
                            + "l'accueil :",
                        "Your visit is today! Here is what you need to know, with your ticket to show at the entrance:")
                    : t("Votre visite approche (dans " + mail.reminderDays() + " jours). Voici ce qu'il faut savoir, avec "
                            + "votre billet à présenter à l'accueil :",
                        "Your visit is coming up (in " + mail.reminderDays() + " days). Here is what you need to know, with "
                            + "your ticket to show at the entrance:");
            case COMPANY_MESSAGE -> t("L'entreprise " + mail.visit().company() + ", que vous visiterez, écrit aux "
                            + "inscrits de votre créneau :",
                    "The company " + mail.visit().company() + ", which you will visit, writes to those registered for "
                            + "your slot:");
            case CANCELLATION_ALERT -> throw notARegistrants(mail.kind());
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
        return new IllegalArgumentException(kind + " is not a registrant's e-mail (see CancellationAlert)");
    }

    private static LocalizedText t(String fr, String en) {
        return new LocalizedText(fr, en);
    }
}
