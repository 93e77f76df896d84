[#ftl output_format="HTML"]
<div class="text">${content.text!}</div>
