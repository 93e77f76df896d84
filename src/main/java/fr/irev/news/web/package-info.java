/**
 * The module's servlets, declared in {@code magnolia-module.xml} and mounted by Magnolia (or the
 * preview server) under {@code /.irev-news/}:
 *
 * <ul>
 *   <li>{@link fr.irev.news.web.DownloadServlet}: {@code /.irev-news/download/<asset
 *       identifier>/<file name>}, DAM files as attachments with byte ranges and conditional GET;
 *   <li>{@link fr.irev.news.web.ThumbnailServlet}: {@code /.irev-news/thumbnail/<asset
 *       identifier>/<width>.png}, cached PNG thumbnails of PDF assets.
 * </ul>
 *
 * The servlets read content through the request's {@code ContentContext} (see {@code
 * ContentContexts}) and the attachment services; they import no Magnolia type. Error answers are
 * short French pages; no request gives a 500 or a stack trace.
 */
package fr.irev.news.web;
