[#ftl output_format="HTML"]
[#assign title = testfn.itemTitle(ctx.getParameter('item')!'')!'']
<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
[#if title?has_content]<h1>${title}</h1>[#else]<h1>Actualité introuvable</h1>[/#if]
<p id="selector">${ctx.aggregationState.selector}</p>
[@cms.area name="main" /]
</body>
</html>
