[#ftl output_format="HTML"]
[#-- Area "main" of the detail page: the components added by editors, in their order. --]
[#if components?has_content]
<div class="irev-area">
  [#list components as component]
  [@cms.component content=component /]
  [/#list]
</div>
[/#if]
