[#ftl output_format="HTML"]
[#--
  The news list: newest first, optionally filtered by thematic or territory (term node names in
  the GET parameters thematique and territoire), paginated with the GET parameter page. The RSS
  feed and the events calendar of the same filters are offered in the head and under the list.
--]
[#import "/irev-news/templates/macros/news.ftl" as news]
[#assign listing = irevfn.listing(ctx.getParameter('page')!'', ctx.getParameter('thematique')!'', ctx.getParameter('territoire')!'')]
[#assign feedHead]
<link rel="alternate" type="application/rss+xml" title="${i18n['irev-news.feeds.rss.name']}" href="${listing.rssUrl}">
[/#assign]
[@news.page title=i18n['irev-news.list.title'] head=feedHead]
<h1 class="irev-list__title">${i18n['irev-news.list.title']}</h1>
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
