[#ftl output_format="HTML"]
[#-- Component: a PDF from the DAM (fields asset, title, description of the dialog). --]
[#import "/irev-news/templates/macros/news.ftl" as news]
[#assign attachment = irevfn.attachment(content.asset!'', content.title!'', content.description!'', (def.parameters.thumbnailWidth)!240)!]
[#if attachment?has_content]
<div class="irev-attachments">
  [@news.attachmentCard att=attachment hl=2 numbered=false /]
</div>
[/#if]
