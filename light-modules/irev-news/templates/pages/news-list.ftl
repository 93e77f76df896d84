[#ftl output_format="HTML"]
[#--
  The news list: newest first, optionally filtered by thematic or territory (term node names in
  the GET parameters thematique and territoire), paginated with the GET parameter page.
--]
[#import "/irev-news/templates/macros/news.ftl" as news]
[#assign listing = irevfn.listing(ctx.getParameter('page')!'', ctx.getParameter('thematique')!'', ctx.getParameter('territoire')!'')]
[@news.page title=i18n['irev-news.list.title']]
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
[/@news.page]
