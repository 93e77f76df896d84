[#ftl output_format="HTML"]
[#macro ok]<p>ok</p>[/#macro]
