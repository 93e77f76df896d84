[#ftl output_format="HTML"]
[#--
  "Favoris" help page: the address of the page to bookmark (from ?retour=, a path of this site
  only) and how to bookmark it in a browser, on a computer or a phone. Works without JavaScript.
--]
[#import "/irev-news/templates/macros/news.ftl" as news]
[#assign back = irevfn.returnLink(ctx.getParameter('retour')!'')!]
[@news.page title=i18n['irev-news.bookmark.title'] noindex=true]
<h1 class="irev-article__title">${i18n['irev-news.bookmark.title']}</h1>
[#if back?has_content]
<p>${i18n['irev-news.bookmark.page']}</p>
<p class="irev-bookmark__address"><a href="${back.url}">${back.absoluteUrl}</a></p>
[/#if]
<h2>${i18n['irev-news.bookmark.computer.title']}</h2>
<ul>
  <li>${i18n['irev-news.bookmark.computer.windows']}</li>
  <li>${i18n['irev-news.bookmark.computer.mac']}</li>
  <li>${i18n['irev-news.bookmark.computer.star']}</li>
</ul>
<h2>${i18n['irev-news.bookmark.phone.title']}</h2>
<ul>
  <li>${i18n['irev-news.bookmark.phone.android']}</li>
  <li>${i18n['irev-news.bookmark.phone.ios']}</li>
</ul>
[#if back?has_content]
<p><a href="${back.url}">${i18n['irev-news.bookmark.back']}</a></p>
[#else]
<p><a href="${irevfn.listUrl()}">${i18n['irev-news.notFound.back']}</a></p>
[/#if]
[/@news.page]
