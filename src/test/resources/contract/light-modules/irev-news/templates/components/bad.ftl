[#ftl output_format="HTML"]
[#import "/irev-news/templates/macros/lib.ftl" as helper]
[#assign item = irevfn.item('a', 'b')!]
<p>${item.title!}</p>
<p>${cmsfn.children(content)?size}</p>
<p>${state.selector!}</p>
<link href="${ctx.contextPath}/x.css">
[@cms.include path="x" /]
${content.text?no_esc}
[@"<#-- x -->"?interpret /]
${i18n['irev-news.fixture.title']}
${i18n[content.key]}
${irevfn.noSuchFunction('x')}
${irevfn.listUrl()}
[@helper.ok /]
[@helper.noSuchMacro /]
