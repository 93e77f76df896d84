[#ftl output_format="HTML"]
[#--
  The news list: newest first (upcoming events: soonest first), filtered by plain GET parameters
  that combine: thematique and territoire (term node names, any level), type (actualite,
  evenement), periode (a-venir, passes, AAAA-MM) and q (full-text words); paginated with page.
  Facets link to the same list with one filter changed, with their counts. Filtered by one term
  (the term pages /thematiques/… and /territoires/… forward here), the term's title is the heading
  and its ancestors the breadcrumb (an unknown term there: a "not found" page, 404). The RSS feed and the events calendar of the same filters are
  offered in the head and under the list.
--]
[#import "/irev-news/templates/macros/news.ftl" as news]
[#assign listing = irevfn.listing(ctx.getParameter('page')!'', ctx.getParameter('thematique')!'', ctx.getParameter('territoire')!'', ctx.getParameter('type')!'', ctx.getParameter('periode')!'', ctx.getParameter('q')!'')]
[#assign feedHead]
<link rel="alternate" type="application/rss+xml" title="${i18n['irev-news.feeds.rss.name']}" href="${listing.rssUrl}">
[/#assign]
[#-- a term page (virtual URI mappings add terme=) whose term does not exist: 404, not indexed --]
[#assign termParameter = ctx.getParameter('terme')!'']
[#assign termMissing = (termParameter == 'thematique' || termParameter == 'territoire') && !listing.appliedFilters?seq_contains(termParameter)]
[#if termMissing]
${irevfn.notFound()}
[#if termParameter == 'thematique']
[#assign missingTitle = i18n['irev-news.termNotFound.thematique.title']]
[#assign missingText = i18n['irev-news.termNotFound.thematique.text']]
[#else]
[#assign missingTitle = i18n['irev-news.termNotFound.territoire.title']]
[#assign missingText = i18n['irev-news.termNotFound.territoire.text']]
[/#if]
[@news.page title=missingTitle noindex=true]
<h1 class="irev-article__title">${missingTitle}</h1>
<p class="irev-notice" role="status">${missingText}</p>
<ul>
  <li><a href="${irevfn.listUrl()}">${i18n['irev-news.notFound.back']}</a></li>
  <li><a href="${irevfn.listUrl()}#filtres">${i18n['irev-news.termNotFound.choose']}</a></li>
</ul>
[/@news.page]
[#else]
[#--
  The title says where the visitor is, most specific first (RGAA 8.6): the term page's heading,
  or the search words, or the applied filters' labels; then the page number after the first.
--]
[#assign applied = listing.appliedFilters]
[#if !applied?has_content]
[#assign pageTitle = i18n['irev-news.list.title']]
[#elseif applied?size == 1 && listing.heading??]
[#assign pageTitle = listing.heading + ' – ' + i18n['irev-news.list.title']]
[#elseif applied?size == 1 && applied[0] == 'q']
[#assign pageTitle = i18n['irev-news.list.title.search'] + ' «\xA0' + listing.searchText + '\xA0» – ' + i18n['irev-news.list.title']]
[#else]
[#assign pageTitle = i18n['irev-news.list.title.filtered'] + ' ' + listing.filterLabel!'']
[/#if]
[#if listing.page gt 1]
[#assign pageTitle = pageTitle + ' – ' + i18n['irev-news.list.title.page'] + ' ' + listing.page?c]
[/#if]
[@news.page title=pageTitle head=feedHead]
[#if listing.breadcrumb?has_content]
<nav class="irev-breadcrumb" aria-label="${i18n['irev-news.list.breadcrumb']}">
  <ol class="irev-breadcrumb__list">
    [#list listing.breadcrumb as crumb]
    <li><a href="${crumb.url}">${crumb.label}</a></li>
    [/#list]
  </ol>
</nav>
[/#if]
<h1 class="irev-list__title">${listing.heading!i18n['irev-news.list.title']}</h1>
<form class="irev-search" method="get" action="${irevfn.listUrl()}" role="search">
  <label for="irev-q">${i18n['irev-news.list.search']}</label>
  <input id="irev-q" type="search" name="q" value="${listing.searchText}" maxlength="200">
  [#list listing.searchKept as kept]
  <input type="hidden" name="${kept.name}" value="${kept.value}">
  [/#list]
  <button type="submit">${i18n['irev-news.list.search.submit']}</button>
</form>
[#--
  The items come first, then the facets: a phone shows the list on its first screen, with a link
  down to the facets; a wider screen shows the facets beside the list (irev-news.css), in the same
  order for the keyboard. No script, no hidden state.
--]
[#assign hasFacets = listing.typeFacets?has_content]
[#if hasFacets]
<p class="irev-facets__jump"><a href="#filtres">${i18n['irev-news.facets.jump']}</a></p>
[/#if]
<div class="irev-listing">
<div class="irev-listing__results">
[#if listing.filterLabel??]
<p class="irev-filter">${listing.filterLabel} <a class="irev-filter__reset" href="${irevfn.listUrl()}">${i18n['irev-news.list.all']}</a></p>
[/#if]
[#if listing.message??]
<p class="irev-notice" role="status">${listing.message}</p>
[/#if]
[#if listing.empty]
<p class="irev-list__empty">${i18n['irev-news.list.empty']}</p>
[#else]
<ul class="irev-list">
  [#list listing.items as summary]
  <li class="irev-list__item">[@news.summary s=summary hl=2 /]</li>
  [/#list]
</ul>
[@news.pagination listing=listing /]
[/#if]
</div>
[#if hasFacets]
<nav class="irev-facets" id="filtres" tabindex="-1" aria-label="${i18n['irev-news.facets.label']}">
  [@facet title=i18n['irev-news.facets.type'] choices=listing.typeFacets /]
  [@facet title=i18n['irev-news.facets.period'] choices=listing.periodFacets /]
  [@facet title=i18n['irev-news.facets.thematic'] choices=listing.thematicFacets /]
  [@facet title=i18n['irev-news.facets.territory'] choices=listing.territoryFacets /]
</nav>
[/#if]
</div>
<section class="irev-feeds" aria-labelledby="irev-feeds-titre">
  <h2 id="irev-feeds-titre" class="irev-feeds__title">${i18n['irev-news.feeds.title']}</h2>
  <ul class="irev-feeds__list">
    <li><a class="irev-feeds__link" href="${listing.rssUrl}" type="application/rss+xml">${i18n['irev-news.feeds.rss']}</a></li>
    <li><a class="irev-feeds__link" href="${listing.calendarUrl}" type="text/calendar">${i18n['irev-news.feeds.calendar']}</a></li>
  </ul>
</section>
[/@news.page]
[/#if]
[#macro facet title choices]
[#if choices?has_content]
<h2 class="irev-facets__title">${title}</h2>
<ul class="irev-facets__list">
  [#list choices as choice]
  <li><a class="irev-facets__link" href="${choice.url}"[#if choice.selected] aria-current="true"[/#if]>${choice.label}</a>[#if choice.count gte 0] <span class="irev-facets__count">(${choice.count?c})</span>[/#if]</li>
  [/#list]
</ul>
[/#if]
[/#macro]
