package fr.irev.news.templating;

import fr.irev.news.news.NewsCounts;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * What the templating functions need from the host platform for one request: JCR sessions, the
 * site's address and the response status. Magnolia's implementation lives in the adapter package
 * ({@code fr.irev.news.magnolia}); the preview server has its own.
 *
 * <p>Implementations are bound to the current request (thread) and are not shared across requests.
 */
public interface ContentContext {

  /**
   * The session of the current request for a workspace, opened lazily and closed by the platform at
   * the end of the request: callers never log it out.
   *
   * @param workspace JCR workspace name, e.g. {@code irev-news}
   * @return an open session, never {@code null}
   * @throws RepositoryException when the workspace does not exist or cannot be opened
   */
  Session session(String workspace) throws RepositoryException;

  /**
   * @return the web application's context path: {@code ""} at the root, else {@code "/name"} (no
   *     trailing slash)
   */
  String contextPath();

  /**
   * @return the absolute address of the site's root including the context path, without trailing
   *     slash, e.g. {@code "https://www.irev.fr"} or {@code "http://localhost:8080"}
   */
  String siteUrl();

  /**
   * Sets the HTTP status of the page being rendered (e.g. 404 for an unknown news item) before the
   * body is committed. Has no effect once the response is committed.
   *
   * @param status HTTP status code
   */
  void setStatus(int status);

  /**
   * The webapp's shared cache of listing counts, or none.
   *
   * @return the running {@link NewsCounts} of the repository this context reads, or {@code null} to
   *     count on every request (the default)
   */
  default NewsCounts newsCounts() {
    return null;
  }

  /**
   * A read of content kept while its workspace is unchanged, through {@link #newsCounts()}'s {@link
   * NewsCounts#kept}; without a {@code NewsCounts}, {@code read} runs on every call.
   *
   * @param workspace the only workspace the value depends on
   * @param key what is read, a record per kind of read
   * @param read reads the value with this context's sessions, never {@code null}
   * @param <T> the value's type: immutable, no {@code Node} nor {@code Session}
   * @return the value
   * @throws RepositoryException when {@code read} fails
   */
  default <T> T kept(String workspace, Object key, NewsCounts.Read<T> read)
      throws RepositoryException {
    NewsCounts counts = newsCounts();
    return counts == null ? read.read() : counts.kept(workspace, key, read);
  }
}
