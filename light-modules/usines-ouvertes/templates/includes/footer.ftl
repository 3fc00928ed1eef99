[#-- Footer: organiser, the organisation's generic contacts only (contact form, press agency). --]
<footer class="site-footer">
  <div class="container footer-inner">
    <div class="footer-about">
      <p class="footer-title">${i18n['site.name']}</p>
      <p>${i18n['footer.organiser']}</p>
    </div>
    <div class="footer-contact">
      <h2 class="footer-heading">${i18n['footer.contact']}</h2>
      <ul>
        <li><a href="${i18n['footer.contactFormUrl']}">${i18n['footer.contactForm']}</a></li>
        <li>${i18n['footer.press']} <a href="mailto:${i18n['footer.pressEmail']}">${i18n['footer.pressEmail']}</a></li>
        <li><a href="${i18n['footer.companiesUrl']}">${i18n['footer.companies']}</a></li>
      </ul>
    </div>
  </div>
</footer>
