[#ftl output_format="HTML"]
[#--
  Component: the built-in registration form of the event chosen in the dialog (field "item").
  Nothing per visitor: the page stays cacheable; the registration servlet answers each post.
--]
[#import "/irev-news/templates/macros/news.ftl" as news]
[#assign registration = irevfn.registration(content.item!'')!]
[#if registration?has_content]
[@news.registration registration=registration /]
[/#if]
