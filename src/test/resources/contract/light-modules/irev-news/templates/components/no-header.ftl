<p>${content.title!}</p>
