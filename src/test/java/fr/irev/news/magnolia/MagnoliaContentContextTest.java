package fr.irev.news.magnolia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.irev.news.news.NewsNodes;
import fr.irev.news.testing.TestSite;
import info.magnolia.cms.beans.config.ServerConfiguration;
import info.magnolia.context.MgnlContext;
import info.magnolia.context.WebContext;
import info.magnolia.objectfactory.Components;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter on the stand-in {@code MgnlContext} (same signatures as Magnolia 6.4), over a real
 * repository; the servlet request and response are the container's boundary, so they are mocks.
 */
class MagnoliaContentContextTest {

  private TestSite site;
  private final HttpServletRequest request = mock(HttpServletRequest.class);
  private final HttpServletResponse response = mock(HttpServletResponse.class);

  private final ServerConfiguration server = new ServerConfiguration();

  @BeforeEach
  void bind() throws Exception {
    Components.standInRegister(ServerConfiguration.class, server);
    site = TestSite.empty();
    MgnlContext.setInstance(
        new WebContext() {
          @Override
          public Session getJCRSession(String workspaceName) throws javax.jcr.RepositoryException {
            return site.session(workspaceName);
          }

          @Override
          public HttpServletRequest getRequest() {
            return request;
          }

          @Override
          public HttpServletResponse getResponse() {
            return response;
          }

          @Override
          public String getContextPath() {
            return "/site";
          }
        });
  }

  @AfterEach
  void unbind() throws Exception {
    Components.standInRegister(ServerConfiguration.class, null);
    MgnlContext.setInstance(null);
    site.close();
  }

  @Test
  void sessionsComeFromTheCurrentMagnoliaContext() throws Exception {
    assertSame(
        site.session(NewsNodes.WORKSPACE),
        new MagnoliaContentContext().session(NewsNodes.WORKSPACE));
  }

  @Test
  void siteUrlLeavesOutDefaultPorts() {
    when(request.getScheme()).thenReturn("https");
    when(request.getServerName()).thenReturn("www.irev.fr");
    when(request.getServerPort()).thenReturn(443);
    assertEquals("https://www.irev.fr/site", new MagnoliaContentContext().siteUrl());

    when(request.getScheme()).thenReturn("http");
    when(request.getServerPort()).thenReturn(8080);
    assertEquals("http://www.irev.fr:8080/site", new MagnoliaContentContext().siteUrl());
    assertEquals("/site", new MagnoliaContentContext().contextPath());
  }

  @Test
  void configuredBaseUrlWinsOverTheRequestHostHeader() {
    when(request.getScheme()).thenReturn("http");
    when(request.getServerName()).thenReturn("evil.example");
    when(request.getServerPort()).thenReturn(80);

    server.setDefaultBaseUrl("https://www.irev.fr/");
    assertEquals("https://www.irev.fr/site", new MagnoliaContentContext().siteUrl());
    server.setDefaultBaseUrl("https://www.irev.fr/site");
    assertEquals("https://www.irev.fr/site", new MagnoliaContentContext().siteUrl());
  }

  @Test
  void statusIsSetOnlyBeforeTheResponseIsCommitted() {
    new MagnoliaContentContext().setStatus(404);
    verify(response).setStatus(404);

    when(response.isCommitted()).thenReturn(true);
    new MagnoliaContentContext().setStatus(410);
    verify(response, never()).setStatus(410);
  }

  @Test
  void outsideAWebRequestThereIsNoAddressAndNoStatus() {
    MgnlContext.setInstance(site::session);
    MagnoliaContentContext context = new MagnoliaContentContext();

    assertEquals("", context.contextPath());
    assertEquals("", context.siteUrl());
    context.setStatus(404);
    verify(response, never()).setStatus(404);
  }

  @Test
  void functionsObjectIsBuiltWithoutArguments() {
    assertEquals("/site/actualites", new MagnoliaNewsFunctions().listUrl());
  }
}
