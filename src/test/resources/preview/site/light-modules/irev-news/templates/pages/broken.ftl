[#ftl output_format="HTML"]
<p>avant</p>
${content.nope.deeper}
