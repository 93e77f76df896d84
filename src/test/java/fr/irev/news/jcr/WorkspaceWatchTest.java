package fr.irev.news.jcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.irev.news.testing.TestSite;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.jcr.Session;
import javax.jcr.observation.Event;
import javax.jcr.observation.EventIterator;
import org.apache.jackrabbit.core.observation.SynchronousEventListener;
import org.junit.jupiter.api.Test;

/** {@link WorkspaceWatch} on a real in-memory Jackrabbit repository. */
class WorkspaceWatchTest {

  @Test
  void listenersHearEveryContentChangeUntilClosed() throws Exception {
    try (TestSite site = TestSite.empty()) {
      LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
      SynchronousEventListener listener =
          (EventIterator events) -> {
            while (events.hasNext()) {
              Event event = events.nextEvent();
              try {
                heard.add(event.getType() + " " + event.getPath());
              } catch (javax.jcr.RepositoryException e) {
                heard.add("unreadable event: " + e);
              }
            }
          };
      Session watched = site.repository().login("dam");
      WorkspaceWatch watch = new WorkspaceWatch(listener);
      assertTrue(watch.isEmpty());
      watch.watch(watched);
      assertFalse(watch.isEmpty());
      assertEquals(Set.of("dam"), watch.workspaces());

      Session editor = site.session("dam");
      editor.getRootNode().addNode("page", "nt:unstructured").setProperty("title", "Un");
      editor.save();
      assertEquals(
          Set.of(Event.NODE_ADDED + " /page", Event.PROPERTY_ADDED + " /page/title"),
          Set.copyOf(heard.stream().filter(e -> !e.endsWith("jcr:primaryType")).toList()),
          "heard before save() returned (a synchronous listener)");

      watch.close();
      assertTrue(watch.isEmpty());
      assertFalse(watched.isLive(), "the watch logs its sessions out");
      heard.clear();
      editor.getNode("/page").setProperty("title", "Deux");
      editor.save();
      assertEquals(null, heard.poll(200, TimeUnit.MILLISECONDS), "nothing heard once closed");
    }
  }

  @Test
  void aPlainListenerIsMadeSynchronousWhereJackrabbitIsPresent() throws Exception {
    try (TestSite site = TestSite.empty()) {
      LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
      javax.jcr.observation.EventListener plain = events -> heard.add("heard " + events.getSize());
      javax.jcr.observation.EventListener listener = WorkspaceWatch.synchronous(plain);
      assertTrue(listener instanceof SynchronousEventListener, listener.getClass().getName());
      assertTrue(WorkspaceWatch.synchronousAvailable());
      assertTrue(listener.equals(listener));
      assertFalse(listener.equals(plain));
      assertTrue(listener.toString().startsWith("synchronous "));

      WorkspaceWatch watch = new WorkspaceWatch(listener);
      watch.watch(site.repository().login("dam"));
      Session editor = site.session("dam");
      editor.getRootNode().addNode("fichier", "nt:unstructured");
      editor.save();
      assertFalse(heard.isEmpty(), "heard before save() returned");
      watch.close();
    }
  }
}
