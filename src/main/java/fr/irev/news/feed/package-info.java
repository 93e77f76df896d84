/**
 * Feeds of the news list: {@link fr.irev.news.feed.RssFeed} writes RSS 2.0 with Rome from plain
 * records (valid XML whatever the text holds, RFC 822 dates in English and GMT), {@link
 * fr.irev.news.feed.NewsFeeds} reads the items of a filter combination ({@code
 * fr.irev.news.templating.ListingQuery}, shared with the list page) and writes the RSS feed, the
 * events calendar and one event's iCalendar file ({@code fr.irev.news.calendar.EventCalendar}). The
 * servlet is {@code fr.irev.news.web.FeedServlet}.
 */
package fr.irev.news.feed;
