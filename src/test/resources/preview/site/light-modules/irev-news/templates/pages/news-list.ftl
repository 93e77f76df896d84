[#ftl output_format="HTML"]
<!DOCTYPE html>
<html lang="fr">
<head>
[@cms.page /]
<meta charset="utf-8">
<title>${content.title!}</title>
<link rel="stylesheet" href="${ctx.contextPath}/.resources/irev-news/webresources/css/site.css">
</head>
<body>
<h1>${content.title!}</h1>
<p id="meta">${content['@name']}|${content['@path']}|${content['@id']}|${content['@nodeType']}</p>
<p id="keywords">[#list content.keywords as k]${k};[/#list]</p>
<p id="modified">${content['mgnl:lastModified']?string['dd/MM/yyyy - HH:mm']}</p>
<p id="bool">${content.hideInNav?c}</p>
<p id="size">${content.pageSize + 1}</p>
<p id="def">${def.title}|${def.areas.main.type}</p>
<p id="page">${ctx.getParameter('page')!'-'}</p>
<p id="state">${ctx.aggregationState.currentURI}|${ctx.aggregationState.originalURI}</p>
<p id="i18n">${i18n['irev-news.list.title']}</p>
<p id="i18n-args">${i18n.get('irev-news.list.count', [3])}</p>
<p id="missing">${i18n['irev-news.nope']}</p>
<p id="fn">${testfn.hello(ctx.getParameter('nom')!'vous')}</p>
<p id="site">${testfn.siteUrl()}</p>
<p id="child">${content.main['@nodeType']}</p>
<main>
[@cms.area name="main" /]
[@cms.area name="absent" /]
</main>
</body>
</html>
