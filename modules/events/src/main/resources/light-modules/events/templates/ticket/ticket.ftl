[#-- A registration's ticket (/billet/<token>, TicketServlet): a page of its own, without the site's header and footer,
     so that it prints on one sheet (css/ticket.css has the print rules). French first, English beside it in a
     lighter type: a ticket goes to families, classes and groups who may read either. Never indexed. --]
[#assign base = (ctx.contextPath)!""]
[#macro en]<span class="ticket__en" lang="en">[#nested]</span>[/#macro]
<!DOCTYPE html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>[#if ticketState == "valid"]Billet – ${company} – ${site}[#elseif ticketState == "waitlisted"]Liste d'attente – ${company}[#elseif ticketState == "cancelled"]Billet annulé[#else]Billet introuvable[/#if] – Journées Usines Ouvertes</title>
  <link rel="stylesheet" href="${base}${resfn.cachedLink("/events/webresources/css/ticket.css")}">
  <script src="${base}${resfn.cachedLink("/events/webresources/js/ticket-print.js")}" defer></script>
</head>
<body class="ticket-page">
<main class="ticket" id="contenu">
  <p class="ticket__brand">Journées Usines Ouvertes</p>
[#if ticketState == "notFound"]
  <h1>Billet introuvable [@en]Ticket not found[/@en]</h1>
  <p>Ce lien de billet est invalide ou a expiré. Le lien figure dans l'e-mail de confirmation de votre inscription.</p>
  <p>[@en]This ticket link is invalid or has expired. The link is in the confirmation e-mail of your registration.[/@en]</p>
  <p><a href="${base}/">Accueil des Journées Usines Ouvertes</a> · <a href="${base}/en/" lang="en">Home page</a></p>
[#elseif ticketState == "cancelled"]
  <h1>Billet annulé [@en]Ticket cancelled[/@en]</h1>
  <p class="ticket__status ticket__status--cancelled" role="status">Cette inscription est annulée : ce billet ne donne plus accès à la visite. [@en]This registration is cancelled: this ticket no longer admits anyone.[/@en]</p>
  [#if cancellationReason?has_content]<p>La visite a été annulée. [@en]The visit was cancelled.[/@en]</p>[/#if]
  <p class="ticket__visit"><strong>${company}</strong> – ${site}<br>${dayFr}, ${timeFr}</p>
  <p><a href="${base}/usines">Trouver une autre visite</a> · <a href="${base}/en/usines" lang="en">Find another visit</a></p>
[#else]
  <h1>[#if ticketState == "valid"]Billet [@en]Ticket[/@en][#else]Liste d'attente [@en]Waiting list[/@en][/#if]</h1>
  [#if ticketState == "waitlisted"]
    <p class="ticket__status ticket__status--waiting" role="status">Vous êtes sur la liste d'attente : ce n'est pas encore un billet. Nous vous écrirons si une place se libère. [@en]You are on the waiting list: this is not a ticket yet. We will write to you if a place comes free.[/@en]</p>
  [/#if]
  <div class="ticket__body">
    <section class="ticket__details" aria-labelledby="visit-title">
      <h2 id="visit-title" class="ticket__company">${company}</h2>
      <p class="ticket__site">${site}</p>
      <dl>
        <dt>Date [@en]Date[/@en]</dt><dd>${dayFr}[#if dayEn != dayFr] [@en]${dayEn}[/@en][/#if]</dd>
        <dt>Horaire [@en]Time[/@en]</dt><dd>${timeFr}[#if timeEn != timeFr] [@en]${timeEn}[/@en][/#if]</dd>
        <dt>Adresse [@en]Address[/@en]</dt><dd>${address}</dd>
        <dt>Personnes [@en]Persons[/@en]</dt><dd class="ticket__persons">${persons}</dd>
        <dt>Inscription [@en]Registration[/@en]</dt><dd>${audienceFr} [@en]${audienceEn}[/@en] · réf. ${reference}</dd>
      </dl>
    </section>
    [#if ticketState == "valid"]
    <figure class="ticket__qr">
      <img src="${qrCode}" width="240" height="240" alt="QR code du billet, à présenter à l'accueil (QR code of the ticket, to show at the entrance)">
      <figcaption>À présenter à l'accueil [@en]Show it at the entrance[/@en]</figcaption>
    </figure>
    [/#if]
  </div>
  [#if practical?has_content]
  <section class="ticket__practical" aria-labelledby="practical-title">
    <h2 id="practical-title">Informations pratiques [@en]Practical information[/@en]</h2>
    <ul>[#list practical as line]<li>${line}</li>[/#list]</ul>
  </section>
  [/#if]
  <section class="ticket__manage" aria-labelledby="manage-title">
    <h2 id="manage-title">Un empêchement ? [@en]Can't make it?[/@en]</h2>
    <p>Modifiez le nombre de personnes ou annulez pour libérer vos places : <a href="${manageLinkFr}">modifier ou annuler mon inscription</a>.</p>
    <p>[@en]Change the number of persons, or cancel to free your places: <a href="${manageLinkEn}">change or cancel my registration</a>.[/@en]</p>
  </section>
  <p class="ticket__actions"><button type="button" class="ticket__print" id="ticket-print" hidden>Imprimer [@en]Print[/@en]</button></p>
[/#if]
</main>
</body>
</html>
