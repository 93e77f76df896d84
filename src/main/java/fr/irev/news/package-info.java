/**
 * irev-news: news and events for Magnolia 6.4, without any Magnolia import outside {@code
 * magnolia}.
 */
package fr.irev.news;
