[#ftl output_format="HTML"]
<section class="area-${content['@name']}">[#list components as component][@cms.component content=component /][/#list]</section>
