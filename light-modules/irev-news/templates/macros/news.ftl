[#ftl output_format="HTML"]
[#--
  Shared markup of the irev-news templates: the page frame, the event summary, the thematics and
  territories, the attachment card and the printed list of links. Page and component templates
  import this file ([#import "/irev-news/templates/macros/news.ftl" as news]) so that nothing is
  written twice. Every value comes from the irevfn views (docs/architecture.md, "Templating");
  French wording that holds data is computed in Java, fixed wording comes from i18n.
--]

[#--
  The whole HTML document: head, skip link, banner, main landmark (nested content), footer.
  head: extra markup for the <head> (a captured [#assign x]…[/#assign], already escaped), e.g. the
  detail page's Open Graph tags and JSON-LD, the list page's feed link; "" for none.
--]
[#macro page title noindex=false head=""]
<!DOCTYPE html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  [#if noindex]
  <meta name="robots" content="noindex">
  [/#if]
  <title>${title} – ${i18n['irev-news.site.name']}</title>
  <link rel="stylesheet" href="${irevfn.resourcesUrl()}/css/irev-news.css">
  ${head}
  [@cms.page /]
</head>
<body class="irev">
  <a class="irev-skip" href="#contenu">${i18n['irev-news.skip']}</a>
  <header class="irev-banner">
    <div class="irev-container irev-banner__inner">
      <a class="irev-banner__site" href="${irevfn.link('/')}">${i18n['irev-news.site.name']}</a>
      <nav class="irev-nav" aria-label="${i18n['irev-news.nav.label']}">
        <ul class="irev-nav__list">
          <li><a href="${irevfn.listUrl()}">${i18n['irev-news.nav.news']}</a></li>
        </ul>
      </nav>
    </div>
  </header>
  <main id="contenu" class="irev-container irev-main" tabindex="-1">
    [#nested]
  </main>
  <footer class="irev-footer">
    <div class="irev-container">
      <p>${i18n['irev-news.footer.text']}</p>
    </div>
  </footer>
</body>
</html>
[/#macro]

[#--
  data-fn="n" on links that appear in the printed list of links (n > 0 only). Components pass
  numbered=false: their views are numbered on their own, not in the host page's list of links.
--]
[#macro fn number numbered=true][#if numbered && (number!0) > 0] data-fn="${number?c}"[/#if][/#macro]

[#-- A human-readable date in <time datetime> when the machine-readable value is known. --]
[#macro when line iso=""]
[#if iso?has_content]<time datetime="${iso}">${line}</time>[#else]<span>${line}</span>[/#if]
[/#macro]

[#--
  The built-in registration section of a RegistrationView (form or "closed"), with the optional
  script that fills the form's token and shows the seats left (the form works without it).
--]
[#macro registration registration]
${registration.formHtml?no_esc}
[#if registration.open]
<script src="${irevfn.resourcesUrl()}/js/registration.js" defer></script>
[/#if]
[/#macro]

[#--
  Event summary: date, place, audience, registration link and "Ajouter à mon agenda" (the event's
  iCalendar file) of a NewsItemView. With a built-in form (registration, a RegistrationView),
  "S'inscrire" leads to the form on the same page.
--]
[#macro eventSummary item hl=2 numbered=true registration=""]
<section class="irev-event">
  <h${hl?c} class="irev-event__title">${i18n['irev-news.event.title']}</h${hl?c}>
  <dl class="irev-event__facts">
    [#if item.dateLine??]
    <div class="irev-event__fact">
      <dt>${i18n['irev-news.event.when']}</dt>
      <dd>[@when line=item.dateLine iso=item.startIso!"" /]</dd>
    </div>
    [/#if]
    [#if item.placeName?? || item.placeAddress?? || item.placeCommune??]
    <div class="irev-event__fact">
      <dt>${i18n['irev-news.event.place']}</dt>
      <dd>
        [#if item.placeName??]<span class="irev-event__place-name">${item.placeName}</span>[/#if]
        [#if item.placeAddress??]<span class="irev-event__place-address">${item.placeAddress}</span>[/#if]
        [#if item.placeCommune??]<span class="irev-event__place-commune">${item.placeCommune}</span>[/#if]
      </dd>
    </div>
    [/#if]
    [#if item.audience??]
    <div class="irev-event__fact">
      <dt>${i18n['irev-news.event.audience']}</dt>
      <dd>${item.audience}</dd>
    </div>
    [/#if]
  </dl>
  [#if registration?has_content && registration.open]
  <p class="irev-event__register">
    <a class="irev-button" href="${registration.url}">${i18n['irev-news.event.register']}</a>
  </p>
  [#elseif item.registrationUrl??]
  <p class="irev-event__register">
    <a class="irev-button" href="${item.registrationUrl}"[@fn number=item.registrationFootnote numbered=numbered /]>${i18n['irev-news.event.register']}</a>
  </p>
  [/#if]
  [#if item.calendarUrl??]
  <p class="irev-event__calendar">
    <a class="irev-event__calendar-link" href="${item.calendarUrl}" type="text/calendar">${i18n['irev-news.event.calendar']}<span class="irev-visually-hidden"> ${i18n['irev-news.event.calendar.hint']}</span></a>
  </p>
  [/#if]
</section>
[/#macro]

[#-- One line per term: its ancestors (root first) then the term, each a link to the filtered list. --]
[#macro termList terms numbered=true]
<ul class="irev-tags__list">
  [#list terms as term]
  <li class="irev-tags__item">
    [#list term.ancestors as ancestor]
    <a class="irev-tag" href="${ancestor.url}"[@fn number=ancestor.footnote numbered=numbered /]>${ancestor.title}</a><span class="irev-tags__sep" aria-hidden="true"> › </span>
    [/#list]
    <a class="irev-tag" href="${term.url}"[@fn number=term.footnote numbered=numbered /]>${term.title}</a>
  </li>
  [/#list]
</ul>
[/#macro]

[#-- "Thématiques" and "Territoires" of a NewsItemView. --]
[#macro tags item hl=2 numbered=true]
[#if item.thematics?has_content || item.territories?has_content]
<div class="irev-tags">
  [#if item.thematics?has_content]
  <h${hl?c} class="irev-tags__title">${i18n['irev-news.tags.thematics']}</h${hl?c}>
  [@termList terms=item.thematics numbered=numbered /]
  [/#if]
  [#if item.territories?has_content]
  <h${hl?c} class="irev-tags__title">${i18n['irev-news.tags.territories']}</h${hl?c}>
  [@termList terms=item.territories numbered=numbered /]
  [/#if]
</div>
[/#if]
[/#macro]

[#-- An AttachmentView: first-page thumbnail (or a neutral icon), title, description, format, size
     and pages, language when not French, a warning for unreadable files, download and bookmark
     links. The download link's own text names format, size and pages (RGAA 6.1). --]
[#macro attachmentCard att hl=3 numbered=true]
<article class="irev-attachment">
  <div class="irev-attachment__preview">
    [#if att.thumbnailUrl??]
    <img class="irev-attachment__thumbnail" src="${att.thumbnailUrl}" width="${att.thumbnailWidth?c}"[#if att.thumbnailHeight??] height="${att.thumbnailHeight?c}"[/#if] alt="${att.thumbnailAlt}" loading="lazy" decoding="async">
    [#else]
    <span class="irev-attachment__icon" aria-hidden="true">${att.format}</span>
    [/#if]
  </div>
  <div class="irev-attachment__body">
    <h${hl?c} class="irev-attachment__title">${att.title}</h${hl?c}>
    [#if att.description??]
    <p class="irev-attachment__description">${att.description}</p>
    [/#if]
    <p class="irev-attachment__meta">${att.metaLabel}</p>
    [#if att.languageLabel??]
    <p class="irev-attachment__language">${att.languageLabel}</p>
    [/#if]
    [#if att.warning??]
    <p class="irev-attachment__warning">${att.warning}</p>
    [/#if]
    <p class="irev-attachment__actions">
      <a class="irev-button irev-attachment__download" href="${att.downloadUrl}"[#if att.format == "PDF"] type="application/pdf"[/#if][#if att.language??] hreflang="${att.language}"[/#if][@fn number=att.footnote numbered=numbered /]>${att.downloadLabel}</a>
      <a class="irev-attachment__bookmark" href="${att.bookmarkUrl}">${i18n['irev-news.attachment.bookmark']}<span class="irev-visually-hidden"> ${i18n['irev-news.attachment.bookmark.hint']}</span></a>
    </p>
  </div>
</article>
[/#macro]

[#-- Publication and last modification of a NewsItemView. --]
[#macro dates item]
<p class="irev-dates">
  [#if item.publishedLine??][@when line=item.publishedLine iso=item.publishedIso!"" /][/#if]
  [#if item.updatedLine??]
  <span class="irev-dates__sep" aria-hidden="true"> · </span>[@when line=item.updatedLine iso=item.updatedIso!"" /]
  [/#if]
</p>
[/#macro]

[#-- The printed list of links ("Liens", then "[1] https://…"); hidden on screen by the CSS. --]
[#macro footnotes notes]
[#if notes?has_content]
<section class="irev-footnotes">
  <h2 class="irev-footnotes__title">${i18n['irev-news.footnotes.title']}</h2>
  <ol class="irev-footnotes__list">
    [#list notes as note]
    <li class="irev-footnotes__item" value="${note.number?c}"><span class="irev-footnotes__number">[${note.number?c}]</span> <span class="irev-footnotes__url">${note.url}</span></li>
    [/#list]
  </ol>
</section>
[/#if]
[/#macro]

[#-- One entry of the news list (a NewsSummaryView). --]
[#macro summary s hl=2]
<article class="irev-summary">
  <p class="irev-kind">${s.kindLabel}</p>
  <h${hl?c} class="irev-summary__title"><a href="${s.url}">${s.title}</a></h${hl?c}>
  [#if s.event && s.dateLine??]
  <p class="irev-summary__when">[@when line=s.dateLine iso=s.startIso!"" /]</p>
  [/#if]
  [#if s.teaser??]
  <p class="irev-summary__teaser">${s.teaser}</p>
  [/#if]
  [#if s.publishedLine??]
  <p class="irev-summary__published">[@when line=s.publishedLine iso=s.publishedIso!"" /]</p>
  [/#if]
</article>
[/#macro]

[#-- Previous / next links of a ListingView. --]
[#macro pagination listing]
[#if listing.pageCount > 1]
<nav class="irev-pagination" aria-label="${i18n['irev-news.pagination.label']}">
  <ul class="irev-pagination__list">
    [#if listing.previousUrl??]
    <li><a class="irev-pagination__link" href="${listing.previousUrl}" rel="prev">${i18n['irev-news.pagination.previous']}</a></li>
    [/#if]
    <li class="irev-pagination__current" aria-current="page">${i18n['irev-news.pagination.page']} ${listing.page?c} / ${listing.pageCount?c}</li>
    [#if listing.nextUrl??]
    <li><a class="irev-pagination__link" href="${listing.nextUrl}" rel="next">${i18n['irev-news.pagination.next']}</a></li>
    [/#if]
  </ul>
</nav>
[/#if]
[/#macro]
