[#ftl output_format="HTML"]
[#--
  The news list: newest first (upcoming events: soonest first), filtered by plain GET parameters
  that combine: thematique and territoire (term node names, any level), type (actualite,
  evenement), periode (a-venir, passes, AAAA-MM) and q (full-text words); paginated with page.
  Facets link to the same list with one filter changed, with their counts. Filtered by one term
  (the term pages /thematiques/… and /territoires/… forward here), the term's title is the heading
  and its ancestors the breadcrumb (an unknown term there: 404). The RSS feed and the events calendar of the same filters are
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
[#if termMissing]${irevfn.notFound()}[/#if]
[@news.page title=i18n['irev-news.list.title'] head=feedHead noindex=termMissing]
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
[#if listing.typeFacets?has_content]
<nav class="irev-facets" aria-label="${i18n['irev-news.facets.label']}">
  [@facet title=i18n['irev-news.facets.type'] choices=listing.typeFacets /]
  [@facet title=i18n['irev-news.facets.period'] choices=listing.periodFacets /]
  [@facet title=i18n['irev-news.facets.thematic'] choices=listing.thematicFacets /]
  [@facet title=i18n['irev-news.facets.territory'] choices=listing.territoryFacets /]
</nav>
[/#if]
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
<section class="irev-feeds" aria-labelledby="irev-feeds-titre">
  <h2 id="irev-feeds-titre" class="irev-feeds__title">${i18n['irev-news.feeds.title']}</h2>
  <ul class="irev-feeds__list">
    <li><a class="irev-feeds__link" href="${listing.rssUrl}" type="application/rss+xml">${i18n['irev-news.feeds.rss']}</a></li>
    <li><a class="irev-feeds__link" href="${listing.calendarUrl}" type="text/calendar">${i18n['irev-news.feeds.calendar']}</a></li>
  </ul>
</section>
[/@news.page]
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
