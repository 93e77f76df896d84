[#ftl output_format="HTML"]
[#--
  Detail page of a news item or an event. The virtual URI mapping forwards /actualites/<urlName>
  here with ?item=<urlName>; an unknown or invalid name gives a French 404 page. The head carries
  the Open Graph tags and the schema.org JSON-LD (built and escaped in Java: item.jsonLd).
--]
[#import "/irev-news/templates/macros/news.ftl" as news]
[#assign item = irevfn.item(ctx.getParameter('item')!'')!]
[#if item?has_content]
[#assign registration = irevfn.itemRegistration(item)!]
[#assign pageHead]
[#if item.teaser??]
<meta name="description" content="${item.teaser}">
[/#if]
<link rel="canonical" href="${item.absoluteUrl}">
<meta property="og:type" content="article">
<meta property="og:title" content="${item.title}">
[#if item.teaser??]
<meta property="og:description" content="${item.teaser}">
[/#if]
<meta property="og:url" content="${item.absoluteUrl}">
<meta property="og:locale" content="fr_FR">
<meta property="og:site_name" content="${i18n['irev-news.site.name']}">
<script type="application/ld+json">${item.jsonLd?no_esc}</script>
[/#assign]
[@news.page title=item.title head=pageHead]
<article class="irev-article">
  <header class="irev-article__header">
    <p class="irev-kind">${item.kindLabel}</p>
    <h1 class="irev-article__title">${item.title}</h1>
    [#if item.teaser??]
    <p class="irev-lead">${item.teaser}</p>
    [/#if]
  </header>
  [#if item.event]
  [@news.eventSummary item=item hl=2 registration=registration /]
  [/#if]
  [#if item.bodyHtml??]
  <div class="irev-body">
    ${item.bodyHtml?no_esc}
  </div>
  [/#if]
  [#if item.attachments?has_content]
  <section class="irev-attachments">
    <h2 class="irev-attachments__title">${i18n['irev-news.attachments.title']}</h2>
    [#list item.attachments as attachment]
    [@news.attachmentCard att=attachment hl=3 /]
    [/#list]
  </section>
  [/#if]
  [#if registration?has_content]
  [@news.registration registration=registration /]
  [/#if]
  [@cms.area name="main" /]
  <footer class="irev-article__footer">
    [@news.tags item=item hl=2 /]
    [@news.dates item=item /]
  </footer>
</article>
[@news.footnotes notes=item.footnotes /]
[/@news.page]
[#else]
${irevfn.notFound()}
[@news.page title=i18n['irev-news.notFound.title'] noindex=true]
<h1 class="irev-article__title">${i18n['irev-news.notFound.title']}</h1>
<p class="irev-notice" role="status">${i18n['irev-news.notFound.text']}</p>
<p><a href="${irevfn.listUrl()}">${i18n['irev-news.notFound.back']}</a></p>
[/@news.page]
[/#if]
